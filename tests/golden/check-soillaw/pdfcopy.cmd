check --no-default-rulesets --ruleset rulesets/soil.xml --select SOIL108,SOIL109,SOIL112 fixtures/soillaw/plan-offsite-pdfcopy.txt
