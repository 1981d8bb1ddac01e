package floor

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/balance"
)

// TestLoad follows a session on loopback with 50 pages while the
// timekeeper sends 10 events a second for 30 seconds: every event is
// acknowledged in order, the log on disk holds a line for each step of
// every acknowledged one and reads back to the session's log, and every
// page ends on the same state as the server, none ever going back to an
// earlier one. It mostly waits, so it runs in parallel with other
// packages' tests.
func TestLoad(t *testing.T) {
	const viewers, rate, length = 50, 10, 30 * time.Second
	if testing.Short() {
		t.Skip("30 seconds of load; not with -short")
	}
	dir := t.TempDir()
	doc := testDoc(t)
	// The real clock: the events come as a timekeeper's would, in real time.
	start := time.Now()
	doc.Draft.Slot.Start = start.Truncate(time.Minute)
	ros, al, err := balance.Plan(doc.Draft, balance.HybridPromise())
	if err != nil {
		t.Fatal(err)
	}
	doc.RunOfShow, doc.Allocation = ros, al
	srv, err := Open(Config{Doc: doc, Policy: balance.HybridPromise(), LogPath: filepath.Join(dir, "log.csv"), Token: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type page struct {
		mu   sync.Mutex
		seqs []int
		last string
	}
	pages := make([]*page, viewers)
	var ready, done sync.WaitGroup
	for i := range pages {
		p := &page{}
		pages[i] = p
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/events", nil)
			resp, err := ts.Client().Do(req)
			if err != nil {
				ready.Done()
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			first := true
			readStream(resp.Body, func(seq int, data string) {
				p.mu.Lock()
				p.seqs = append(p.seqs, seq)
				p.last = data
				p.mu.Unlock()
				if first {
					first = false
					ready.Done()
				}
			})
		}()
	}
	ready.Wait()

	// A cycle of events that each fit the state: a speaker takes the floor,
	// pauses, resumes, is interrupted, takes it up again.
	var cycle []url.Values
	for _, p := range speakersOf(doc) {
		cycle = append(cycle,
			url.Values{"kind": {"take"}, "person": {fmt.Sprint(p.Index)}},
			url.Values{"kind": {"pause"}}, url.Values{"kind": {"resume"}},
			url.Values{"kind": {"intervention"}, "name": {"Audience, row 3"}}, url.Values{"kind": {"resume"}})
	}
	// Event i is due at i/rate seconds; one that falls behind, on a busy
	// machine, goes at once, so all of them are sent, late at worst.
	began := time.Now()
	total := int(length/time.Second) * rate
	var slowest time.Duration
	lastSeq, sent := 0, 0
	for sent < total {
		time.Sleep(time.Until(began.Add(time.Duration(sent) * time.Second / rate)))
		sentAt := time.Now()
		form := cycle[sent%len(cycle)]
		form.Set("token", "secret")
		resp, err := ts.Client().PostForm(ts.URL+"/event", form)
		if err != nil {
			t.Fatal(err)
		}
		var ack struct{ Seq int }
		err = jsonDecode(resp, &ack)
		if resp.StatusCode != 200 || err != nil || ack.Seq <= lastSeq {
			t.Fatalf("event %d %v: %d, seq %d after %d (%v)", sent, form, resp.StatusCode, ack.Seq, lastSeq, err)
		}
		lastSeq = ack.Seq
		sent++
		slowest = max(slowest, time.Since(sentAt))
	}
	if took := time.Since(began); took > length+length/2 {
		t.Errorf("%d events took %v, want about %v", total, took, length)
	}

	// Every page sees the last state within a second: the server's latest,
	// which it publishes anew while a clock runs.
	deadline := time.Now().Add(time.Second)
	var final string
	for i, p := range pages {
		for {
			final = state(t, srv.Handler())
			p.mu.Lock()
			last := p.last
			p.mu.Unlock()
			if last == final {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("page %d ends on\n%s\nnot the server's\n%s", i, last, final)
			}
			time.Sleep(20 * time.Millisecond)
		}
		p.mu.Lock()
		for k := 1; k < len(p.seqs); k++ {
			if p.seqs[k] < p.seqs[k-1] {
				t.Errorf("page %d saw seq %d after %d", i, p.seqs[k], p.seqs[k-1])
			}
		}
		p.mu.Unlock()
	}
	cancel()
	done.Wait()

	// The log on disk: a line per step, and the session's log read back.
	data, err := os.ReadFile(filepath.Join(dir, "log.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(data, []byte("\n")) - 1; lines != lastSeq {
		t.Errorf("the log has %d lines after its header, the last acknowledged seq is %d", lines, lastSeq)
	}
	log, err := balance.ReadLogCSV(bytes.NewReader(data), doc.Session())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(log.Entries), len(srv.ls.Log().Entries); got != want {
		t.Errorf("the log reads back to %d entries, the session has %d", got, want)
	}
	if !strings.Contains(final, fmt.Sprintf(`"seq":%d`, lastSeq)) {
		t.Errorf("the final state is not at seq %d: %s", lastSeq, final)
	}
	t.Logf("%d events, %d lines, %d pages consistent; the slowest acknowledged in %v", sent, lastSeq, viewers, slowest)
}
