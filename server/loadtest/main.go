// Command loadtest measures citydiff's SSH server under a classroom's load:
// N sessions connect over loopback and type for a while, each waiting for
// the frame that answers a key before the next (after a short think time),
// as a person does.
//
//	go run ./server/loadtest [-sessions 50] [-duration 30s] [-think 100ms] [-model tui|stub]
//
// It starts the server in a child process on 127.0.0.1 (open mode, a fresh
// host key in a temporary directory) and drives it from this one, so the
// server's memory is measured alone. It reports keystroke-to-frame latency
// (p50/p95/p99/max), the server's memory per session (Go heap in use after
// a GC, and RSS), and frame completeness: every keystroke must be answered
// by its own frame, and at the end each session's screen, as rebuilt by a
// small terminal emulator from the bytes received, must equal the last
// frame the server rendered for it.
//
// It is bounded: at most 64 sessions and 2 minutes, loopback only. It exits
// 1 when a frame is missing or a target is missed (p95 ≤ 50 ms, ≤ 10 MB
// per session).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"citydiff/server/internal/vt"
)

const (
	maxSessions = 64
	maxDuration = 2 * time.Minute

	targetP95        = 50 * time.Millisecond
	targetPerSession = 10 << 20
)

func main() {
	child := flag.Bool("child", false, "run as the server under test (used by the load test itself)")
	sessions := flag.Int("sessions", 50, "concurrent sessions (at most 64)")
	duration := flag.Duration("duration", 30*time.Second, "how long the sessions type (at most 2m)")
	think := flag.Duration("think", 100*time.Millisecond, "mean pause after each frame before the next key (±50%)")
	model := flag.String("model", "tui", "tui: citydiff's viewer; stub: a two-line model, to measure the server alone")
	width := flag.Int("width", 120, "terminal width of each session")
	height := flag.Int("height", 36, "terminal height of each session")
	cpuProfile := flag.String("server-cpuprofile", "", "write the server's CPU profile to this file")
	flag.Parse()

	if *child {
		if err := runChild(*model, *sessions, *cpuProfile); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest child:", err)
			os.Exit(1)
		}
		return
	}
	if *sessions < 1 || *sessions > maxSessions {
		fmt.Fprintf(os.Stderr, "loadtest: -sessions must be 1..%d\n", maxSessions)
		os.Exit(2)
	}
	if *duration <= 0 || *duration > maxDuration {
		fmt.Fprintf(os.Stderr, "loadtest: -duration must be at most %v\n", maxDuration)
		os.Exit(2)
	}
	ok, err := run(config{sessions: *sessions, duration: *duration, think: *think, model: *model, w: *width, h: *height, cpuProfile: *cpuProfile})
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

type config struct {
	sessions int
	duration time.Duration
	think    time.Duration
	model    string
	w, h     int

	cpuProfile string
}

// serverProc is the child process and its control lines.
type serverProc struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	addr string
}

func startServer(cfg config) (*serverProc, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-child", "-model", cfg.model, "-sessions", strconv.Itoa(cfg.sessions), "-server-cpuprofile", cfg.cpuProfile)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &serverProc{cmd: cmd, in: in, out: bufio.NewScanner(outPipe)}
	s.out.Buffer(make([]byte, 1<<20), 1<<20)
	line, err := s.line()
	if err != nil {
		return nil, fmt.Errorf("server did not start: %w", err)
	}
	addr, ok := strings.CutPrefix(line, "addr ")
	if !ok || !strings.HasPrefix(addr, "127.0.0.1:") {
		return nil, fmt.Errorf("server said %q, want a loopback address", line)
	}
	s.addr = addr
	return s, nil
}

func (s *serverProc) line() (string, error) {
	if !s.out.Scan() {
		if err := s.out.Err(); err != nil {
			return "", err
		}
		return "", io.ErrUnexpectedEOF
	}
	return s.out.Text(), nil
}

type mem struct {
	heap, rss  int64
	goroutines int
}

func (s *serverProc) mem() (mem, error) {
	fmt.Fprintln(s.in, "mem")
	line, err := s.line()
	if err != nil {
		return mem{}, err
	}
	var m mem
	if _, err := fmt.Sscanf(line, "mem %d %d %d", &m.heap, &m.rss, &m.goroutines); err != nil {
		return mem{}, fmt.Errorf("bad mem line %q", line)
	}
	return m, nil
}

// screens returns each session's last frame, as plain lines.
func (s *serverProc) screens() (map[string][]string, error) {
	fmt.Fprintln(s.in, "screens")
	out := map[string][]string{}
	id := ""
	for {
		line, err := s.line()
		if err != nil {
			return nil, err
		}
		switch {
		case line == "end":
			return out, nil
		case strings.HasPrefix(line, "screen "):
			id = strings.TrimPrefix(line, "screen ")
		case strings.HasPrefix(line, "|"):
			out[id] = append(out[id], line[1:])
		}
	}
}

// cpu is the CPU time the server process has used so far (user+system),
// from /proc; 0 where there is no /proc.
func (s *serverProc) cpu() time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count from after it.
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(fields) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(fields[11], 10, 64)
	st, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ is 100 on Linux
}

func (s *serverProc) stop() {
	s.in.Close()
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

// keys is what each session types, round and round: views by number,
// moves, opening, the reader's next clause. Nothing quits or types into
// the search box.
var keys = []string{"2", "j", "j", "\r", "j", "j", "k", "3", "j", "j", "\r", "j", "k", "4", "j", "n", "n", "j", "k", "1", "j", "k"}

// session is one client.
type session struct {
	id     string
	conn   *gossh.Client
	sess   *gossh.Session
	in     io.Writer
	screen *vt.Screen
	h      int
	lat    []time.Duration
	sent   int
	missed int
}

func connect(addr string, cfg config) (*session, error) {
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "loadtest",
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		// A fresh server key in a temporary directory: nothing to check it against.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec
		Timeout:         30 * time.Second,
	})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	s := &session{conn: conn, sess: sess, screen: vt.New(cfg.w, cfg.h), h: cfg.h}
	if err := sess.RequestPty("xterm-256color", cfg.h, cfg.w, gossh.TerminalModes{}); err != nil {
		s.close()
		return nil, err
	}
	sess.Stdout = s.screen
	if s.in, err = sess.StdinPipe(); err != nil {
		s.close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		s.close()
		return nil, err
	}
	scr, ok := s.screen.Wait(30*time.Second, func(scr string) bool { return strings.Contains(scr, "keys=0]") })
	if !ok {
		s.close()
		return nil, fmt.Errorf("no first frame; screen:\n%s", scr)
	}
	i := strings.Index(scr, "[load ")
	s.id = strings.Fields(scr[i+len("[load "):])[0]
	return s, nil
}

func (s *session) close() {
	_ = s.sess.Close()
	_ = s.conn.Close()
}

// typeFor types until the deadline, one key per frame.
func (s *session) typeFor(until time.Time, think time.Duration, offset int) {
	for k := offset; time.Now().Before(until); k++ {
		key := keys[k%len(keys)]
		s.sent++
		want := fmt.Sprintf("keys=%d]", s.sent)
		start := time.Now()
		if _, err := io.WriteString(s.in, key); err != nil {
			s.missed++
			return
		}
		if _, ok := s.screen.WaitRow(5*time.Second, s.h-1, func(row string) bool { return strings.Contains(row, want) }); !ok {
			s.missed++
			return // the screen is out of step; stop this session
		}
		s.lat = append(s.lat, time.Since(start))
		// Jitter: a fixed pause would lock the keys to the renderer's 60 Hz
		// ticker and measure one phase of it only.
		time.Sleep(think/2 + time.Duration(rand.Int64N(int64(think)+1)))
	}
}

func run(cfg config) (bool, error) {
	srv, err := startServer(cfg)
	if err != nil {
		return false, err
	}
	defer srv.stop()
	base, err := srv.mem()
	if err != nil {
		return false, err
	}

	sessions := make([]*session, cfg.sessions)
	errs := make([]error, cfg.sessions)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	connStart := time.Now()
	for i := range sessions {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			sessions[i], errs[i] = connect(srv.addr, cfg)
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return false, err
	}
	defer func() {
		for _, s := range sessions {
			s.close()
		}
	}()
	connected := time.Since(connStart)
	time.Sleep(time.Second)
	afterConnect, err := srv.mem()
	if err != nil {
		return false, err
	}

	fmt.Fprintln(srv.in, "profile start")
	cpu0 := srv.cpu()
	until := time.Now().Add(cfg.duration)
	for i, s := range sessions {
		wg.Add(1)
		go func() { defer wg.Done(); s.typeFor(until, cfg.think, i) }()
	}
	wg.Wait()
	serverCPU := srv.cpu() - cpu0
	fmt.Fprintln(srv.in, "profile stop")
	afterTyping, err := srv.mem()
	if err != nil {
		return false, err
	}

	// Completeness: each screen as the client rebuilt it from the bytes it
	// received must equal the server's last frame for that session.
	time.Sleep(200 * time.Millisecond)
	want, err := srv.screens()
	if err != nil {
		return false, err
	}
	same := 0
	var diffs []string
	for _, s := range sessions {
		got := strings.Split(s.screen.String(), "\n")
		if equalScreens(got, want[s.id]) {
			same++
		} else if len(diffs) < 3 {
			diffs = append(diffs, fmt.Sprintf("session %s:\n--- client screen\n%s\n--- server frame\n%s", s.id, strings.Join(got, "\n"), strings.Join(want[s.id], "\n")))
		}
	}

	var lat []time.Duration
	sent, missed := 0, 0
	for _, s := range sessions {
		lat = append(lat, s.lat...)
		sent += s.sent
		missed += s.missed
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	n := len(sessions)
	perHeap := float64(afterTyping.heap-base.heap) / float64(n)
	perRSS := float64(afterTyping.rss-base.rss) / float64(n)

	fmt.Printf("citydiff SSH load test: %d sessions × %v on 127.0.0.1, model %s, %dx%d, think %v\n",
		n, cfg.duration, cfg.model, cfg.w, cfg.h, cfg.think)
	fmt.Printf("  connect       all %d sessions up and drawn in %v\n", n, connected.Round(time.Millisecond))
	fmt.Printf("  keystrokes    %d sent, %d answered by their frame, %d missing (%.1f keys/s in all)\n",
		sent, len(lat), missed, float64(len(lat))/cfg.duration.Seconds())
	if len(lat) > 0 {
		fmt.Printf("  key→frame     p50 %v  p95 %v  p99 %v  max %v\n",
			pct(lat, 50), pct(lat, 95), pct(lat, 99), lat[len(lat)-1].Round(10*time.Microsecond))
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	clientCPU := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if len(lat) > 0 {
		fmt.Printf("  client CPU    %.1f s in all (the %d clients and their terminal emulators share the machine)\n", clientCPU.Seconds(), n)
		fmt.Printf("  server CPU    %.1f s while typing (%.2f cores; %.2f ms per keystroke)\n",
			serverCPU.Seconds(), serverCPU.Seconds()/cfg.duration.Seconds(), float64(serverCPU.Microseconds())/1000/float64(len(lat)))
	}
	fmt.Printf("  final screens %d/%d identical to the server's last frame\n", same, n)
	fmt.Printf("  server memory base heap %s, RSS %s; with %d sessions: heap %s (+%s/session), RSS %s (+%s/session); after typing: heap %s (+%s/session), RSS %s (+%s/session); %d goroutines\n",
		mb(base.heap), mb(base.rss), n,
		mb(afterConnect.heap), mb(int64(float64(afterConnect.heap-base.heap)/float64(n))),
		mb(afterConnect.rss), mb(int64(float64(afterConnect.rss-base.rss)/float64(n))),
		mb(afterTyping.heap), mb(int64(perHeap)), mb(afterTyping.rss), mb(int64(perRSS)), afterTyping.goroutines)
	for _, d := range diffs {
		fmt.Println(d)
	}

	ok := missed == 0 && same == n && len(lat) > 0 && pct(lat, 95) <= targetP95 && perHeap <= targetPerSession && perRSS <= targetPerSession
	if ok {
		fmt.Println("  PASS  every key got its frame; p95 ≤ 50 ms; ≤ 10 MB per session")
	} else {
		fmt.Println("  FAIL  a target was missed (every frame, p95 ≤ 50 ms, ≤ 10 MB per session)")
	}
	return ok, nil
}

func equalScreens(a, b []string) bool {
	trim := func(l []string) []string {
		for len(l) > 0 && strings.TrimSpace(l[len(l)-1]) == "" {
			l = l[:len(l)-1]
		}
		return l
	}
	a, b = trim(a), trim(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.TrimRight(a[i], " ") != strings.TrimRight(b[i], " ") {
			return false
		}
	}
	return true
}

func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	i = min(max(i-1, 0), len(sorted)-1)
	return sorted[i].Round(10 * time.Microsecond)
}

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }
