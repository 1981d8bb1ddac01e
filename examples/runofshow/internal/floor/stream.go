package floor

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// hub hands the latest state to every page that follows it. A page that
// falls behind gets the latest state, never a queue of old ones: a slow
// phone cannot hold up the timekeeper, and every page ends on the same
// state.
type hub struct {
	mu     sync.Mutex
	last   []byte // the JSON of the latest state
	subs   map[chan []byte]struct{}
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan []byte]struct{}{}} }

// publish makes state the latest, and hands it to every follower.
func (h *hub) publish(state []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = state
	for ch := range h.subs {
		select {
		case <-ch: // drop the state it has not taken yet: this one replaces it
		default:
		}
		ch <- state // never blocks: the channel holds one, and only publish sends, under the lock
	}
}

// subscribe returns a channel holding the latest state, then each new one;
// nil once the hub is closed.
func (h *hub) subscribe() chan []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	ch := make(chan []byte, 1)
	ch <- h.last
	h.subs[ch] = struct{}{}
	return ch
}

// unsubscribe stops handing states to ch.
func (h *hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[ch]; ok {
		delete(h.subs, ch)
		close(ch)
	}
}

// close ends every stream.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// keepAlive is how often a stream with nothing new writes a comment, so
// that proxies and phones keep it open.
const keepAlive = 15 * time.Second

// serveEvents streams the state as server-sent events: an event "state"
// with the state's JSON, each time it changes.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch := h.subscribe()
	if ch == nil {
		http.Error(w, "the server is closing", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n") // a page whose server restarts is back within a second or so
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case state, ok := <-ch:
			if !ok {
				return
			}
			_, err = fmt.Fprintf(w, "event: state\ndata: %s\n\n", state)
		case <-tick.C:
			_, err = fmt.Fprint(w, ": keep-alive\n\n")
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}
