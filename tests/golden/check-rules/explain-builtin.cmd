explain lint002
