# bash completion for modelgraph.
#
# The commands and each command's options are read from modelgraph's own
# --help, so the completion cannot fall out of step with the program.

_modelgraph_commands()
{
	"$1" --help 2>/dev/null | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

_modelgraph_options()
{
	"$1" "$2" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# The choices an option lists in its help as "(a|b|c)".
_modelgraph_choices()
{
	"$1" "$2" --help 2>/dev/null | grep -e "^ *\(-., \)\{0,1\}$3 " |
		grep -o '([a-z|-]*|[a-z|-]*)' | tail -n 1 | tr -d '()' | tr '|' ' '
}

_modelgraph()
{
	local cur prev program command choices
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	program=${COMP_WORDS[0]}
	command=${COMP_WORDS[1]}

	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$(_modelgraph_commands "$program") --help --version" -- "$cur"))
		return
	fi
	if [ "$command" = explain ] && [[ $cur != -* ]]; then
		COMPREPLY=($(compgen -W "$("$program" rules 2>/dev/null | awk '{print $1}')" -- "$cur"))
		return
	fi
	case $prev in
	--enable | --disable)
		COMPREPLY=($(compgen -W "$("$program" rules 2>/dev/null | awk '{print $1}')" -- "$cur"))
		return
		;;
	--*)
		choices=$(_modelgraph_choices "$program" "$command" "$prev")
		if [ -n "$choices" ]; then
			COMPREPLY=($(compgen -W "$choices" -- "$cur"))
			return
		fi
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_modelgraph_options "$program" "$command")" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _modelgraph modelgraph
