package floor

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// testDoc plans seed 000 on a slot from 10:00 UTC on 23 June 2025.
func testDoc(t testing.TB) *render.Document {
	t.Helper()
	s, err := seeds.Load(seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	s.Slot.Start = time.Date(2025, 6, 23, 10, 0, 0, 0, time.UTC)
	ros, al, err := balance.Plan(s, balance.HybridPromise())
	if err != nil {
		t.Fatal(err)
	}
	return &render.Document{Draft: s, RunOfShow: ros, Allocation: al}
}

// testClock is a clock the test moves by hand, safe for the handlers'
// goroutines.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openTest opens a server on a log in dir with the test's clock.
func openTest(t testing.TB, dir string, c *testClock) *Server {
	t.Helper()
	srv, err := Open(Config{Doc: testDoc(t), Policy: balance.HybridPromise(), LogPath: filepath.Join(dir, "log.csv"), Token: "secret", Clock: c.now})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// post sends an event form and returns the status and the body.
func post(t testing.TB, h http.Handler, form url.Values) (int, string) {
	t.Helper()
	r := httptest.NewRequest("POST", "/event", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}

// TestRequests sends requests good and bad: each gets its status, and a
// refused one leaves the log as it was.
func TestRequests(t *testing.T) {
	dir := t.TempDir()
	c := &testClock{t: time.Date(2025, 6, 23, 10, 5, 0, 0, time.UTC)}
	srv := openTest(t, dir, c)
	defer srv.Close()
	h := srv.Handler()
	for _, tt := range []struct {
		name   string
		form   url.Values
		status int
		body   string // a part of the answer
	}{
		{"no token", url.Values{"kind": {"take"}, "person": {"1"}}, 403, "token is missing or wrong"},
		{"wrong token", url.Values{"token": {"Secret"}, "kind": {"take"}, "person": {"1"}}, 403, "token"},
		{"two tokens", url.Values{"token": {"secret", "secret"}, "kind": {"yield"}}, 400, "is given 2 times"},
		{"unknown kind", url.Values{"token": {"secret"}, "kind": {"sing"}}, 400, "sing: want one of"},
		{"no person", url.Values{"token": {"secret"}, "kind": {"take"}}, 400, "want the index of one of the session's 7 people"},
		{"person out of range", url.Values{"token": {"secret"}, "kind": {"take"}, "person": {"99"}}, 400, "want the index"},
		{"kind twice", url.Values{"token": {"secret"}, "kind": {"take", "yield"}}, 400, "is given 2 times"},
		{"nothing to resume", url.Values{"token": {"secret"}, "kind": {"resume"}}, 409, "nothing to resume"},
		{"take", url.Values{"token": {"secret"}, "kind": {"take"}, "person": {"1"}}, 200, `"seq":1`},
		{"again", url.Values{"token": {"secret"}, "kind": {"take"}, "person": {"1"}}, 409, "already has the floor"},
		{"long name", url.Values{"token": {"secret"}, "kind": {"intervention"}, "name": {strings.Repeat("x", 101)}}, 400, "longer than 100"},
		{"intervention", url.Values{"token": {"secret"}, "kind": {"intervention"}, "name": {"Delegate, \"Kenya\""}}, 200, `"break":"intervention"`},
		{"next", url.Values{"token": {"secret"}, "kind": {"next"}}, 200, `"seq":5`}, // the intervention and the turn end, the next turn starts
	} {
		before, _ := os.ReadFile(filepath.Join(dir, "log.csv"))
		c.advance(time.Minute)
		code, body := post(t, h, tt.form)
		if code != tt.status || !strings.Contains(body, tt.body) {
			t.Errorf("%s: %d %s, want %d with %q", tt.name, code, body, tt.status, tt.body)
		}
		after, _ := os.ReadFile(filepath.Join(dir, "log.csv"))
		if code != 200 && !bytes.Equal(before, after) {
			t.Errorf("%s: refused, but the log changed:\n%s", tt.name, after)
		}
	}
	for _, tt := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/timekeeper", 403}, {"GET", "/timekeeper?token=nope", 403}, {"GET", "/timekeeper?token=secret", 200},
		{"GET", "/moderator", 200}, {"GET", "/projector", 200}, {"GET", "/", 200}, {"GET", "/static/floor.js", 200},
		{"GET", "/event", 405}, {"POST", "/moderator", 405}, {"GET", "/nothing", 404}, {"GET", "/state", 200},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(tt.method, tt.target, nil))
		if w.Code != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.target, w.Code, tt.status)
		}
	}
}

// TestResume closes a server mid-turn, cuts the log's last line short as
// a server killed while writing would, and opens it again: the state is
// the one before.
func TestResume(t *testing.T) {
	dir := t.TempDir()
	c := &testClock{t: time.Date(2025, 6, 23, 10, 5, 0, 0, time.UTC)}
	srv := openTest(t, dir, c)
	h := srv.Handler()
	for _, f := range []url.Values{
		{"kind": {"take"}, "person": {"2"}}, {"kind": {"pause"}}, {"kind": {"resume"}}, {"kind": {"point of order"}},
	} {
		f.Set("token", "secret")
		c.advance(40 * time.Second)
		if code, body := post(t, h, f); code != 200 {
			t.Fatalf("%v: %d %s", f, code, body)
		}
	}
	want := state(t, h)
	if _, err := Open(Config{Doc: testDoc(t), LogPath: filepath.Join(dir, "log.csv")}); err == nil || !strings.Contains(err.Error(), "another server has the log open") {
		t.Errorf("a second server on the log: %v, want it refused", err)
	}
	srv.Close()
	f, err := os.OpenFile(filepath.Join(dir, "log.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Elena Rückheim,2025-06-23T10:0") // never acknowledged
	f.Close()
	again := openTest(t, dir, c)
	defer again.Close()
	if got := state(t, again.Handler()); got != want {
		t.Errorf("resumed state mismatch:\nbefore  %s\nresumed %s", want, got)
	}
}

// state returns the server's state as /state answers it.
func state(t testing.TB, h http.Handler) string {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/state", nil))
	return w.Body.String()
}

// FuzzEvent posts whatever body it is given to /event, with and without
// the token: the answer is 200, 400, 403 or 409 with a JSON error, never a
// panic or a 500, and whatever is refused leaves the log as it was.
func FuzzEvent(f *testing.F) {
	for _, s := range []string{
		"kind=take&person=1", "kind=yield", "kind=pause", "kind=resume", "kind=next", "kind=intervention&name=x",
		"kind=point+of+order&name=%00", "kind=take&person=-1", "kind=take&person=1e9", "kind=%ff", "%zz", "kind=take&kind=take",
		strings.Repeat("a", 5000),
	} {
		f.Add(s, true)
	}
	dir := f.TempDir()
	c := &testClock{t: time.Date(2025, 6, 23, 10, 5, 0, 0, time.UTC)}
	srv := openTest(f, dir, c)
	defer srv.Close()
	h := srv.Handler()
	f.Fuzz(func(t *testing.T, body string, token bool) {
		if token {
			body += "&token=secret"
		}
		c.advance(time.Second)
		before, _ := os.ReadFile(filepath.Join(dir, "log.csv"))
		r := httptest.NewRequest("POST", "/event", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		switch w.Code {
		case 200:
		case 400, 403, 409:
			var e struct{ Error string }
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%q: %d with %q, want a JSON error", body, w.Code, w.Body.String())
			}
			if after, _ := os.ReadFile(filepath.Join(dir, "log.csv")); !bytes.Equal(before, after) {
				t.Fatalf("%q: refused with %d, but the log changed", body, w.Code)
			}
		default:
			t.Fatalf("%q: %d %s", body, w.Code, w.Body.String())
		}
	})
}

// readStream reads the states of an event stream until it ends, handing
// each to got.
func readStream(body io.Reader, got func(seq int, data string)) {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			continue
		}
		// The seq is the first field; reading only it keeps 50 pages cheap.
		rest, ok := strings.CutPrefix(data, `{"seq":`)
		n, err := strconv.Atoi(rest[:max(strings.IndexByte(rest, ','), 0)])
		if ok && err == nil {
			got(n, data)
		}
	}
}

// jsonDecode decodes an answer's JSON body and closes it.
func jsonDecode(resp *http.Response, v any) error {
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
