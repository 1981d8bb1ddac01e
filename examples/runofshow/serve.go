package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/runofshow/internal/floor"
)

// defaultLiveLog is the speaking log -serve writes without -log.
const defaultLiveLog = "runofshow-log.csv"

// serve runs the live floor of the planned session in doc on addr until
// the process is interrupted, recording every event in logFile (see
// package floor). An address without a host listens on loopback only:
// another interface must be named, such as 0.0.0.0:8080. It prints the
// addresses of the three pages, the timekeeper's with its token: a new
// one from crypto/rand each time, or that of the environment variable
// RUNOFSHOW_TOKEN, so that a timekeeper's page survives a restart.
func serve(addr, logFile string, doc *render.Document, policy balance.Policy, problems error, stdout, stderr io.Writer) int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "runofshow: -serve: "+format+"\n", args...)
		return 2
	}
	if problems != nil || doc.RunOfShow == nil {
		fmt.Fprintln(stderr, "runofshow: -serve: the session cannot be planned:")
		for _, line := range splitProblems(problems) {
			fmt.Fprintln(stderr, "  - "+hiddenNames(doc).Replace(line))
		}
		return 1
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fail("%q: want host:port, such as 127.0.0.1:8080", addr)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	if logFile == "" {
		logFile = defaultLiveLog
	}
	if strings.HasSuffix(strings.ToLower(logFile), ".json") {
		return fail("%s: the live floor writes its log as CSV", logFile) // before schedule writes to it
	}
	if !doc.Session().Slot.Scheduled() {
		var err error
		if doc, err = schedule(doc, policy, logFile, time.Now(), stdout); err != nil {
			return fail("%v", err)
		}
	}
	srv, err := floor.Open(floor.Config{Doc: doc, Policy: policy, LogPath: logFile, Token: os.Getenv("RUNOFSHOW_TOKEN"), Notice: stderr})
	if err != nil {
		return fail("%v", err)
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return fail("%v", err)
	}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "runofshow: the live floor of %q, recorded in %s\n", doc.Session().Title, logFile)
	fmt.Fprintf(stdout, "timekeeper: %s/timekeeper?token=%s\n", base, srv.Token())
	fmt.Fprintf(stdout, "moderator:  %s/moderator\n", base)
	fmt.Fprintf(stdout, "projector:  %s/projector\n", base)
	if f, ok := stdout.(interface{ Sync() error }); ok {
		f.Sync()
	}
	handler := srv.Handler()
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		handler = loopbackOnly(handler)
	}
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fail("%v", err)
	case <-ctx.Done():
	}
	srv.Close() // ends the event streams, which Shutdown would wait for
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fail("%v", err)
	}
	return 0
}

// slotComment starts the first line of a log that -serve writes for an
// unscheduled session: the moment it took as the session's start, so that
// a restart takes the same. ReadLogCSV skips it, as any comment.
const slotComment = "# runofshow -serve: the unscheduled session starts at "

// schedule returns doc planned anew on a slot that starts at the moment
// the log's first line records, else at its first event, else at the
// minute now is in, which it records in a new log: a live session runs on
// the clock, which an unscheduled session lacks.
func schedule(doc *render.Document, policy balance.Policy, logFile string, now time.Time, stdout io.Writer) (*render.Document, error) {
	s := *doc.Session()
	start, from := now.Truncate(time.Minute), "now"
	data, err := os.ReadFile(logFile)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	first, _, _ := strings.Cut(string(data), "\n")
	if at, ok := strings.CutPrefix(first, slotComment); ok {
		if start, err = time.Parse(time.RFC3339, strings.TrimSpace(at)); err != nil {
			return nil, fmt.Errorf("%s: line 1: %w", logFile, err)
		}
		from = "as " + logFile + " records"
	} else if log, err := balance.ReadLogCSV(bytes.NewReader(data), &s); err == nil && log != nil && len(log.Entries) > 0 {
		start, from = log.Entries[0].Start.Truncate(time.Minute), "the first event of "+logFile
	} else if len(bytes.TrimSpace(data)) == 0 {
		file := bytes.NewBufferString(slotComment + start.Format(time.RFC3339) + "\n")
		balance.WriteLogCSV(file, nil) // the header; a bytes.Buffer does not fail
		if err := os.WriteFile(logFile, file.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	s.Slot.Start = start
	d := *doc
	d.Draft = &s
	if d.RunOfShow, d.Allocation, err = balance.Plan(&s, policy); err != nil {
		return nil, err
	}
	if d.Report, err = balance.PlanReport(d.RunOfShow, policy); err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "runofshow: the session is not scheduled; it starts at %s, %s\n", start.Format("15:04 MST"), from)
	return &d, nil
}

// loopbackOnly refuses a request whose Host is not a loopback name or
// address, with 403: a page elsewhere that resolves its own name to
// 127.0.0.1 (DNS rebinding) must not read the floor of a server that only
// this machine is meant to reach.
func loopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.Host
		if host, _, err := net.SplitHostPort(r.Host); err == nil {
			name = host
		}
		if ip := net.ParseIP(name); name != "localhost" && (ip == nil || !ip.IsLoopback()) {
			http.Error(w, "403: this server answers only at a loopback address", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}
