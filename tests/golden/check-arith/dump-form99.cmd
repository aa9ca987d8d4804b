dump fixtures/arith/form99-old.txt
