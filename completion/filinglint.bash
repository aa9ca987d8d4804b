# bash completion for filinglint(1).
# Installed as <prefix>/share/bash-completion/completions/filinglint, where
# bash-completion loads it on first use; or source it from ~/.bashrc.
# Commands, each command's options, the values of the options that take a
# fixed set (formats, document types, thresholds), rule ids (from
# `filinglint rules`, with the --ruleset options already typed) for
# --select, --ignore and explain, and file names elsewhere: filings
# (.docx .docm .xml .txt .md .pdf, the .doc .wps .rtf .odt LibreOffice
# converts, and folders) where filings are read.
# Needs nothing but bash itself.

_filinglint_commands="check dump rules explain test-rules index config data serve help"
_filinglint_doc_types="eia-book eia-form eia-pp soil-plan soil-summary soil-sign"

# The long and short options of each command; tests/sh/completion.sh keeps
# them equal to the commands' --help.
_filinglint_opts_check="-f --format -o --output --ruleset --no-default-rulesets --select --ignore
  --doc-type --as-of --fail-on -j --jobs --baseline --write-baseline --annotate --corpus --ocr --config
  --no-config --color -q --quiet -v --verbose --no-progress --lang -h --help"
_filinglint_opts_dump="-f --format --lang --ocr -h --help"
_filinglint_opts_rules="--ruleset --no-default-rulesets --lang -h --help"
_filinglint_opts_data="-f --format --ruleset --no-default-rulesets --lang -h --help"
_filinglint_opts_explain="--ruleset --no-default-rulesets --lang -h --help"
_filinglint_opts_test_rules="-v --verbose --lang -h --help"
_filinglint_opts_index="--corpus -j --jobs --boilerplate --gram --window --list --query --min-chars
  --boilerplate-share --min-support --max-miss --whole-document --timing -q --quiet --ocr --lang -h --help"
_filinglint_opts_serve="-l --listen --corpus --max-upload --max-files -j --jobs --timeout --queue-wait --keep
  --token-file --insecure-no-auth --log-names --tls-cert --tls-key --lang -h --help"
_filinglint_opts_top="-V --version"

# The rule ids the line's --ruleset / --no-default-rulesets would load.
_filinglint_rule_ids()
{
    local bin=$1 i args=()
    shift
    local -a w=("$@")
    for ((i = 0; i < ${#w[@]}; i++)); do
        case ${w[i]} in
            --no-default-rulesets | --ruleset=*) args+=("${w[i]}") ;;
            --ruleset) [ $((i + 1)) -lt ${#w[@]} ] && args+=(--ruleset "${w[i + 1]}") ;;
        esac
    done
    "$bin" rules "${args[@]}" 2>/dev/null | while read -r id _; do printf '%s\n' "$id"; done
}

# Files and folders; with "filings", only the names check reads.
_filinglint_files()
{
    local cur=$1 what=${2:-}
    local IFS=$'\n' f
    compopt -o filenames 2>/dev/null
    if [ "$what" = dirs ]; then
        COMPREPLY+=($(compgen -d -- "$cur"))
        return
    fi
    if [ "$what" = filings ]; then
        COMPREPLY+=($(compgen -d -- "$cur"))
        for f in $(compgen -f -- "$cur"); do
            case ${f,,} in
                *.docx | *.docm | *.xml | *.txt | *.md | *.pdf | *.doc | *.wps | *.rtf | *.odt)
                    [ -d "$f" ] || COMPREPLY+=("$f") ;;
            esac
        done
        return
    fi
    COMPREPLY+=($(compgen -f -- "$cur"))
}

_filinglint()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]:-}
    local cword=$COMP_CWORD bin=${COMP_WORDS[0]}
    COMPREPLY=()
    # --format=js: bash splits at '=', so the option is two words back
    if [ "$cur" = "=" ]; then prev=${COMP_WORDS[cword - 1]}; cur=""
    elif [ "$prev" = "=" ] && [ "$cword" -ge 2 ]; then prev=${COMP_WORDS[cword - 2]}; fi

    # the command: the first word that is not an option; a file there means check
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    case " $_filinglint_commands " in *" $cmd "*) ;; *) [ -n "$cmd" ] && cmd=check ;; esac

    case $prev in
        -f | --format)
            if [ "$cmd" = dump ]; then COMPREPLY=($(compgen -W "text json" -- "$cur"))
            else COMPREPLY=($(compgen -W "text json jsonl sarif html csv" -- "$cur")); fi
            return ;;
        --doc-type) COMPREPLY=($(compgen -W "$_filinglint_doc_types" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
        --color | --colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
        --select | --ignore)
            # a comma list: complete its last element
            local head="" last=$cur
            if [[ $cur == *,* ]]; then head=${cur%,*},; last=${cur##*,}; fi
            local id
            while read -r id; do
                [[ $id == "$last"* ]] && COMPREPLY+=("$head$id")
            done < <(_filinglint_rule_ids "$bin" "${COMP_WORDS[@]:1}")
            return ;;
        --annotate) _filinglint_files "$cur" dirs; return ;;
        --ruleset | -o | --output | --baseline | --write-baseline | --config | --corpus | --token-file | --tls-cert | --tls-key)
            _filinglint_files "$cur"; return ;;
        -j | --jobs | --as-of | --gram | --window | --min-chars | --boilerplate-share | --min-support | --max-miss | \
            --listen | --max-upload | --max-files | --timeout | --queue-wait | --keep)
            return ;;
    esac

    if [[ $cur == -* ]]; then
        local var=_filinglint_opts_${cmd//-/_} words
        if [ -n "$cmd" ]; then words=${!var:-}
        else words="$_filinglint_opts_top $_filinglint_opts_check"; fi # check is the default
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    case $cmd in
        "") # a command, or a filing for the implicit check
            COMPREPLY=($(compgen -W "$_filinglint_commands" -- "$cur"))
            _filinglint_files "$cur" filings ;;
        help) COMPREPLY=($(compgen -W "$_filinglint_commands" -- "$cur")) ;;
        explain)
            local id
            while read -r id; do
                [[ ${id,,} == "${cur,,}"* ]] && COMPREPLY+=("$id")
            done < <(_filinglint_rule_ids "$bin" "${COMP_WORDS[@]:1}")
            ;;
        rules | serve) ;;
        check | config | index) _filinglint_files "$cur" filings ;;
        *) _filinglint_files "$cur" ;;
    esac
}
complete -F _filinglint filinglint
