package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	"github.com/spf13/cobra"

	"citydiff/corpus"
	"citydiff/server"
	"citydiff/server/tuiapp"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

type serveOptions struct {
	listen         string
	hostKey        string
	authorizedKeys string
	presenters     string
	open           bool
	noSeeds        bool
	maxSessions    int
	maxPerAddress  int
	maxPending     int
	pendingPerAddr int
	idleTimeout    time.Duration
	files          []string
	input          corpus.Options
}

func newServeCmd() *cobra.Command {
	var opt serveOptions
	cmd := &cobra.Command{
		Use:   "serve [FILE...]",
		Short: "Serve the viewer over SSH to a room of trainees",
		Long: `serve runs an SSH server: everyone who connects with a plain ssh client gets
their own viewer on the five built-in documents plus any FILEs named (analysed
once, at start). Nothing else is served: no shell, commands, file transfer or
forwarding.

Who may log in is the public keys in --authorized-keys (OpenSSH's
authorized_keys format). Keys in --presenters log in as presenters: while a
presenter is connected, trainees follow the presenter's screen (ctrl+o to
explore on their own, ctrl+t to follow again or to choose among presenters).
--open lets any client in, for a closed classroom network only. With neither
keys nor --open the server refuses to start.

The host key is created on first start (mode 0600) and kept, so its
fingerprint stays the same across restarts. SIGINT or SIGTERM stops the
server: sessions are told and closed within a few seconds.

See docs/ssh.md for a classroom walk-through.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.files = args
			opt.input = inputs(cmd, opt.files, opt.noSeeds)
			return runServe(cmd.Context(), cmd.ErrOrStderr(), opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.listen, "listen", server.DefaultAddr, "address to listen on")
	f.StringVar(&opt.hostKey, "host-key", "", "host key file, created if missing (default: citydiff/ssh_host_ed25519_key in the user config directory)")
	f.StringVar(&opt.authorizedKeys, "authorized-keys", "", "authorized_keys file of the trainees who may log in")
	f.StringVar(&opt.presenters, "presenters", "", "authorized_keys file of the presenters")
	f.BoolVar(&opt.open, "open", false, "let any client in without an authorized key (closed networks only)")
	f.BoolVar(&opt.noSeeds, "no-seeds", false, "leave the built-in documents out")
	f.IntVar(&opt.maxSessions, "max-sessions", server.DefaultMaxSessions, "sessions at once")
	f.IntVar(&opt.maxPerAddress, "max-per-address", server.DefaultMaxPerAddress, "sessions at once from one address (raise it behind NAT)")
	f.IntVar(&opt.maxPending, "max-pending", server.DefaultMaxPending, "connections still logging in, at once")
	f.IntVar(&opt.pendingPerAddr, "max-pending-per-address", server.DefaultMaxPendingPerAddress, "connections still logging in from one address (raise it behind NAT)")
	f.DurationVar(&opt.idleTimeout, "idle-timeout", server.DefaultIdleTimeout, "close connections idle this long")
	return cmd
}

func runServe(ctx context.Context, stderr io.Writer, opt serveOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if !opt.open && opt.authorizedKeys == "" && opt.presenters == "" {
		return &exitError{2, server.ErrNoAuth}
	}
	if opt.hostKey == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return &exitError{2, fmt.Errorf("no place for the host key (%v): give --host-key", err)}
		}
		opt.hostKey = filepath.Join(dir, "citydiff", "ssh_host_ed25519_key")
	}
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, Prefix: "serve"})

	start := time.Now()
	app, err := tuiapp.Load(opt.input, Version)
	if err != nil {
		return err
	}
	logger.Info("documents analysed", "documents", len(app.Docs), "measures", len(app.Result.Measures),
		"took", time.Since(start).Round(time.Millisecond))

	srv, err := server.New(server.Options{
		Addr:                 opt.listen,
		HostKeyPath:          opt.hostKey,
		AuthorizedKeys:       opt.authorizedKeys,
		Presenters:           opt.presenters,
		Open:                 opt.open,
		MaxSessions:          opt.maxSessions,
		MaxPerAddress:        opt.maxPerAddress,
		MaxPending:           opt.maxPending,
		MaxPendingPerAddress: opt.pendingPerAddr,
		IdleTimeout:          opt.idleTimeout,
		Logger:               logger,
		NewModel:             app.NewModel,
	})
	if err != nil {
		if errors.Is(err, server.ErrNoAuth) {
			return &exitError{2, err}
		}
		return err
	}

	sigCtx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	select {
	case err := <-served:
		return err
	case <-sigCtx.Done():
	}
	stop() // a second signal kills at once
	logger.Info("signal received; stopping")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		logger.Warn("shutdown", "err", err)
	}
	return <-served
}
