# Helpers for the end-to-end scripts that drive citydiff in tmux; sourced,
# not run. The script sets S (the tmux session) and NAME (its name in
# messages) and keeps step up to date.

screen() { tmux capture-pane -t "$S" -p; }
fail() {
	echo "$NAME: step $step: $*" >&2
	echo "---- screen ----" >&2
	screen >&2
	exit 1
}
# wait_for TEXT: until the screen shows TEXT (5 s at most).
wait_for() {
	for _ in $(seq 1 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	fail "timed out waiting for: $1"
}
# expect TEXT...: the screen shows every TEXT now.
expect() {
	local s
	s=$(screen)
	for t in "$@"; do
		grep -qF -- "$t" <<<"$s" || fail "screen lacks: $t"
	done
}
# press KEY...: tmux key names, one at a time (esc followed at once by
# another key would read as alt+key).
press() {
	for k in "$@"; do
		tmux send-keys -t "$S" "$k"
		sleep 0.15
	done
}
