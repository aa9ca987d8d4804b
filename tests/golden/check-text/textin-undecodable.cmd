check -f json --no-default-rulesets --ruleset rulesets/filing.xml fixtures/text/textin-undecodable.txt fixtures/text/textin-form-gbk.txt
