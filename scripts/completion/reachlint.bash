# bash completion for reachlint                                      -*- shell-script -*-
# Installed as share/bash-completion/completions/reachlint (loaded on demand by bash-completion),
# or source it from ~/.bashrc. Options and rule codes come from the reachlint being completed
# (`reachlint --help`, `reachlint rules`), with the lists below when it cannot be run.
# shellcheck disable=SC2207 # compgen prints one candidate a line (file names: IFS is a newline there)

_reachlint_fallback_options="-f --format -o --output --config --no-config --select --ignore
  --fail-level --client --srcroot --show-paths --show-suppressed --notices --baseline --write-baseline
  --category --shard --parameters --max-input-size --skip-unrecognised --color --no-color --stdin-filename
  -q --quiet -v --verbose --version -h --help --from --to --write-docs"
_reachlint_fallback_codes="RL101 RL102 RL103 RL104 RL105 RL106 RL201 RL202 RL301 RL302"

# _reachlint_query COMMAND WHAT: the options (WHAT=options) or rule codes (WHAT=codes) of that
# reachlint, cached per command for the shell's lifetime.
_reachlint_query() {
  local cmd=$1 what=$2 key out
  key="${what}:${cmd}"
  if [[ ${_reachlint_cache_key-} == "$key" ]]; then
    printf '%s\n' "$_reachlint_cache_value"
    return
  fi
  cmd=${cmd/#\~/$HOME}
  if type -P -- "$cmd" >/dev/null 2>&1; then
    if [[ $what == options ]]; then
      out=$("$cmd" --help 2>/dev/null | grep -oE -- '(^|[[:space:],[])--?[[:alnum:]][-[:alnum:]]*' |
        sed -E 's/^[[:space:],[]+//' | sort -u)
    else
      out=$("$cmd" rules 2>/dev/null | awk '$1 ~ /^RL[0-9]+$/ { print $1 }')
    fi
  fi
  if [[ -z ${out-} ]]; then
    if [[ $what == options ]]; then out=$_reachlint_fallback_options; else out=$_reachlint_fallback_codes; fi
  fi
  _reachlint_cache_key=$key
  _reachlint_cache_value=$out
  printf '%s\n' "$out"
}

# File names (dirs_only=1: directories) into COMPREPLY, with bash-completion's _filedir if loaded.
_reachlint_files() {
  local cur=$1 dirs_only=${2:-0}
  if declare -F _filedir >/dev/null 2>&1; then
    if [[ $dirs_only == 1 ]]; then _filedir -d; else _filedir; fi
    return
  fi
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  if [[ $dirs_only == 1 ]]; then
    COMPREPLY+=($(compgen -d -- "$cur"))
  else
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
}

_reachlint() {
  local cur prev cmd i word subcommand=""
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  cmd=${COMP_WORDS[0]}

  # --option=value: complete the value.
  if [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    cur=${cur#*=}
  fi

  # The subcommand: the first word that is not an option or an option's value.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      -f | --format | -o | --output | --config | --select | --ignore | --fail-level | --client | \
        --srcroot | --baseline | --write-baseline | --category | --max-input-size | --from | --to | \
        --write-docs | --color | --stdin-filename | --shard | --parameters)
        ((i++)) ;;
      -*) ;;
      *)
        case $word in check | explain | graph | rules) subcommand=$word ;; *) subcommand=check ;; esac
        break ;;
    esac
  done

  case $prev in
    -f | --format)
      if [[ $subcommand == graph ]]; then
        COMPREPLY=($(compgen -W "dot mermaid" -- "$cur"))
      elif [[ $subcommand == rules ]]; then
        COMPREPLY=($(compgen -W "text json" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "text json sarif github html" -- "$cur"))
      fi
      return ;;
    --color)
      COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
      return ;;
    --fail-level)
      COMPREPLY=($(compgen -W "error warning note none" -- "$cur"))
      return ;;
    -o | --output | --write-baseline | --config | --baseline | --stdin-filename | --parameters)
      _reachlint_files "$cur"
      return ;;
    --srcroot | --write-docs)
      _reachlint_files "$cur" 1
      return ;;
    --select | --ignore)
      # A comma list of codes or families (RL1): complete the last item.
      local head="" last=$cur codes families
      if [[ $cur == *,* ]]; then
        head=${cur%,*},
        last=${cur##*,}
      fi
      codes=$(_reachlint_query "$cmd" codes)
      # shellcheck disable=SC2086 # one code a word
      families=$(printf '%s\n' $codes | cut -c1-3 | sort -u)
      COMPREPLY=($(compgen -P "$head" -W "$families $codes" -- "$last"))
      compopt -o nospace 2>/dev/null
      return ;;
    --client | --from)
      if [[ $cur != *=* ]]; then
        COMPREPLY=($(compgen -W "subnet= instance= cidr= resource=" -- "$cur"))
        compopt -o nospace 2>/dev/null
      fi
      return ;;
    --to | --category | --max-input-size)
      return ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_reachlint_query "$cmd" options)" -- "$cur"))
    return
  fi

  case $subcommand in
    rules)
      COMPREPLY=($(compgen -W "$(_reachlint_query "$cmd" codes)" -- "$cur"))
      ;;
    "")
      # First word: a subcommand, or straight away a path (check is the default).
      COMPREPLY=($(compgen -W "check explain graph merge-sarif rules" -- "$cur"))
      _reachlint_files "$cur"
      ;;
    *)
      _reachlint_files "$cur"
      ;;
  esac
}

complete -F _reachlint reachlint
