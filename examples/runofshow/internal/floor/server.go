package floor

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/live"
	"github.com/fairfloor/fairfloor/balance/render"
)

// Config is what a [Server] serves.
type Config struct {
	Doc     *render.Document // the planned session: its RunOfShow, and how its names may be shown
	Policy  balance.Policy   // the policy it was planned under
	LogPath string           // the speaking log (CSV) to append to, created if missing, resumed if not
	Token   string           // the timekeeper's token; empty for a new one from crypto/rand
	Clock   func() time.Time // nil for time.Now
	Notice  io.Writer        // where a repair of the log is told; nil for nowhere
}

// Server is the live floor of one session.
type Server struct {
	doc   *render.Document
	token string
	file  *os.File
	hub   *hub
	mu    sync.Mutex // orders the events and the states published
	ls    *live.Session
	clock func() time.Time
	stop  chan struct{} // closed by Close, to stop the refresh
	once  sync.Once
}

// refreshEvery is how often the state is published anew while a clock
// runs, so that the shares on every page move with the turn under way.
const refreshEvery = 2 * time.Second

// Open opens the log, resumes the session from it, and returns the server.
// A log whose last line was cut short (a server killed while writing an
// event it never acknowledged) is cut back to its last whole line, as
// Config.Notice is told.
func Open(c Config) (*Server, error) {
	if c.Doc == nil || c.Doc.RunOfShow == nil {
		return nil, live.ErrNoPlan
	}
	if strings.HasSuffix(strings.ToLower(c.LogPath), ".json") {
		return nil, fmt.Errorf("%s: the live floor writes its log as CSV", c.LogPath)
	}
	f, err := os.OpenFile(c.LogPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lock(f); err != nil {
		f.Close()
		return nil, err
	}
	srv, err := open(c, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return srv, nil
}

func open(c Config, f *os.File) (*Server, error) {
	data, err := io.ReadAll(io.LimitReader(f, 1<<30))
	if err != nil {
		return nil, err
	}
	if cut := bytes.LastIndexByte(data, '\n') + 1; cut < len(data) {
		if c.Notice != nil {
			fmt.Fprintf(c.Notice, "%s: the last line was cut short, never acknowledged: dropped %q\n", c.LogPath, data[cut:])
		}
		if err := f.Truncate(int64(cut)); err != nil {
			return nil, err
		}
		data = data[:cut]
	}
	var log *balance.Log
	if len(bytes.TrimSpace(data)) == 0 {
		if err := f.Truncate(0); err != nil {
			return nil, err
		}
		if err := balance.WriteLogCSV(io.NewOffsetWriter(f, 0), nil); err != nil {
			return nil, err
		}
		if err := f.Sync(); err != nil {
			return nil, err
		}
	} else if log, err = balance.ReadLogCSV(bytes.NewReader(data), c.Doc.Session()); err != nil {
		return nil, fmt.Errorf("%s: %w", c.LogPath, err)
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return nil, err
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	ls, err := live.New(c.Doc.RunOfShow, live.Options{Policy: c.Policy, Clock: c.Clock, Record: f, Log: log})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.LogPath, err)
	}
	if c.Token == "" {
		c.Token = rand.Text()
	}
	srv := &Server{doc: c.Doc, token: c.Token, file: f, hub: newHub(), ls: ls, clock: c.Clock, stop: make(chan struct{})}
	if err := srv.publish(); err != nil {
		return nil, err
	}
	go srv.refresh()
	return srv, nil
}

// Token returns the timekeeper's token.
func (srv *Server) Token() string { return srv.token }

// Close ends every stream and closes the log; a second call does nothing.
func (srv *Server) Close() error {
	var err error
	srv.once.Do(func() {
		close(srv.stop)
		srv.hub.close()
		srv.mu.Lock()
		defer srv.mu.Unlock()
		err = srv.file.Close()
	})
	return err
}

// refresh publishes the state every refreshEvery while someone has the
// floor, until Close.
func (srv *Server) refresh() {
	tick := time.NewTicker(refreshEvery)
	defer tick.Stop()
	for {
		select {
		case <-srv.stop:
			return
		case <-tick.C:
		}
		st, err := srv.ls.State()
		if err != nil || (st.Floor.Speaker == "" && st.Floor.Break == "") {
			continue
		}
		srv.mu.Lock()
		srv.publish() // an error here is the audit's, which the next event reports
		srv.mu.Unlock()
	}
}

// publish hands the state to every page. Called with srv.mu held, or
// before the server is shared.
func (srv *Server) publish() error {
	st, err := srv.ls.State()
	if err != nil {
		return err
	}
	b, err := newView(srv.doc, st)
	if err != nil {
		return err
	}
	srv.hub.publish(b)
	return nil
}

// Handler returns the server's routes.
func (srv *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", srv.page("index"))
	mux.HandleFunc("GET /moderator", srv.page("moderator"))
	mux.HandleFunc("GET /projector", srv.page("projector"))
	mux.HandleFunc("GET /timekeeper", srv.page("timekeeper"))
	mux.HandleFunc("GET /replan", srv.replan)
	mux.HandleFunc("GET /state", srv.state)
	mux.HandleFunc("GET /events", srv.hub.serveEvents)
	mux.HandleFunc("POST /event", srv.event)
	mux.Handle("GET /static/", http.FileServerFS(static))
	return headers(mux)
}

// headers sets what every answer carries: nothing but the server's own
// scripts and styles, no framing, no referrer (the timekeeper's URL holds
// the token).
func headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// authorized reports whether the token given is the timekeeper's.
func (srv *Server) authorized(given string) bool {
	return subtle.ConstantTimeCompare([]byte(given), []byte(srv.token)) == 1
}

// state answers with the latest state's JSON.
func (srv *Server) state(w http.ResponseWriter, r *http.Request) {
	srv.hub.mu.Lock()
	b := srv.hub.last
	srv.hub.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

// replan answers with the re-plan of the rest, as text.
func (srv *Server) replan(w http.ResponseWriter, r *http.Request) {
	ros, al, err := srv.ls.Replan()
	if err != nil {
		http.Error(w, "no re-plan: "+err.Error(), http.StatusConflict)
		return
	}
	doc := *srv.doc
	doc.RunOfShow, doc.Allocation, doc.Report, doc.Replanned = ros, al, nil, srv.doc.Session()
	var b bytes.Buffer
	if err := render.Text(&b, &doc); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(b.Bytes())
}

// maxForm is the most bytes an event's form may have.
const maxForm = 4 << 10

// reply writes a JSON answer with status code.
func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// event applies one event of the form: token, kind (one of the kinds of
// live.EventKind, or "next" for whoever should speak next), person (the
// index in the session's people of who takes the floor) and name (who
// raises a point of order or an intervention). It answers 200 with the
// new seq once the event is on disk, 403 without the token, 400 for a form
// that is not an event, 409 for one that does not fit the state, and 500
// when the log cannot be written.
func (srv *Server) event(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		reply(w, http.StatusBadRequest, map[string]string{"error": "the form cannot be read: " + err.Error()})
		return
	}
	if !srv.authorized(r.PostForm.Get("token")) {
		reply(w, http.StatusForbidden, map[string]string{"error": "the timekeeper's token is missing or wrong"})
		return
	}
	ev, next, err := srv.parseEvent(r.PostForm)
	if err != nil {
		reply(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if next {
		st, err := srv.ls.State()
		if err != nil {
			reply(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
		ev = live.Event{Kind: live.Yield}
		if len(st.Next) > 0 {
			ev = live.Event{Kind: live.Take, Name: st.Next[0]}
		}
	}
	if err := srv.ls.Apply(ev); err != nil {
		code := http.StatusBadRequest
		var ee *live.EventError
		switch {
		case errors.Is(err, live.ErrNotNow):
			code = http.StatusConflict
		case errors.As(err, &ee) && ee.Err != nil:
			code = http.StatusInternalServerError
		}
		reply(w, code, map[string]string{"error": strings.TrimPrefix(err.Error(), "live: ")})
		return
	}
	if err := srv.publish(); err != nil {
		reply(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	srv.state(w, r) // the answer is the state the event made
}

// parseEvent reads the event of a form; next is set for "next".
func (srv *Server) parseEvent(form map[string][]string) (ev live.Event, next bool, err error) {
	get := func(k string) string {
		if v := form[k]; len(v) == 1 {
			return v[0]
		}
		return ""
	}
	for k, v := range form {
		if len(v) > 1 {
			return ev, false, fmt.Errorf("the field %q is given %d times", k, len(v))
		}
	}
	kind := get("kind")
	if kind == "next" {
		return ev, true, nil
	}
	if err := ev.Kind.UnmarshalText([]byte(kind)); err != nil {
		return ev, false, errors.New(strings.TrimPrefix(err.Error(), "live: "))
	}
	ev.Name = get("name")
	if ev.Kind == live.Take {
		people := srv.doc.Session().People
		i, err := strconv.Atoi(get("person"))
		if err != nil || i < 0 || i >= len(people) {
			return ev, false, fmt.Errorf("take: person %q: want the index of one of the session's %d people", get("person"), len(people))
		}
		ev.Name = people[i].Name
	}
	return ev, false, nil
}
