package balance

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// EntryKind says what a [Entry] of a speaking log records: a speech, which
// counts towards the speaker's time, or one of the interruptions that count
// outside the budgets, as a live timekeeper records them (see package
// balance/live). The zero value is a speech.
type EntryKind string

// The kinds of log entry.
const (
	EntrySpeech       EntryKind = "speech"         // the person has the floor; the zero value means the same
	EntryPause        EntryKind = "pause"          // the clock of the turn under way stops; the entry names the speaker paused
	EntryPointOfOrder EntryKind = "point of order" // someone raises a point of order, outside the budgets
	EntryIntervention EntryKind = "intervention"   // someone from the audience intervenes, outside the budgets
)

// entryKinds are the kinds in the order their errors list them.
var entryKinds = []EntryKind{EntrySpeech, EntryPause, EntryPointOfOrder, EntryIntervention}

// String returns the kind's text, "speech" for the zero value.
func (k EntryKind) String() string {
	if k == "" {
		return string(EntrySpeech)
	}
	return string(k)
}

// UnmarshalText sets k from the kind's text: "speech", "pause", "point of
// order" or "intervention", in any case and with "-" or "_" for a space;
// empty text is a speech. Anything else is a *LogError listing the kinds.
func (k *EntryKind) UnmarshalText(text []byte) error {
	v, err := parseEntryKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// parseEntryKind reads the kind of a log entry, as UnmarshalText says.
func parseEntryKind(text string) (EntryKind, error) {
	folded := strings.ToLower(strings.Join(strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), " "))
	if folded == "" {
		return EntrySpeech, nil
	}
	for _, k := range entryKinds {
		if folded == string(k) {
			return k, nil
		}
	}
	valid := make([]string, len(entryKinds))
	for i, k := range entryKinds {
		valid[i] = string(k)
	}
	return "", &LogError{Field: "kind", Value: text, Reason: "want one of " + strings.Join(valid, ", ")}
}

// Speech reports whether the entry is a speech, which counts towards its
// speaker's time; the other kinds count outside the budgets.
func (e Entry) Speech() bool { return e.Kind == "" || e.Kind == EntrySpeech }

// speaking returns, per entry of log, the time it counts towards its
// speaker: the length of a speech less the pauses, points of order and
// interventions within it, up to until if limited; nothing for any other
// kind, an open entry, one that ends before it starts, or a repeat of an
// earlier entry (repeated, as [repeats] gives it). The interruptions are
// merged first, so that two that overlap count once.
func speaking(log *Log, repeated []int, until time.Time, limited bool) []time.Duration {
	type span struct{ start, end time.Time }
	var breaks []span
	for _, e := range log.Entries {
		if !e.Speech() && !e.End.IsZero() && e.End.After(e.Start) {
			breaks = append(breaks, span{e.Start, e.End})
		}
	}
	sortSpans := func(a, b span) int { return a.start.Compare(b.start) }
	slices.SortFunc(breaks, sortSpans)
	merged := breaks[:0]
	for _, b := range breaks {
		if n := len(merged); n > 0 && !b.start.After(merged[n-1].end) {
			if b.end.After(merged[n-1].end) {
				merged[n-1].end = b.end
			}
			continue
		}
		merged = append(merged, b)
	}
	out := make([]time.Duration, len(log.Entries))
	for i, e := range log.Entries {
		if !e.Speech() || e.End.IsZero() || repeated[i] > 0 {
			continue
		}
		end := e.End
		if limited && end.After(until) {
			end = until
		}
		if !end.After(e.Start) {
			continue
		}
		d := end.Sub(e.Start)
		// The first merged break that ends after the entry starts.
		j := sort.Search(len(merged), func(k int) bool { return merged[k].end.After(e.Start) })
		for ; j < len(merged) && merged[j].start.Before(end); j++ {
			from, to := maxTime(merged[j].start, e.Start), minTime(merged[j].end, end)
			d -= to.Sub(from)
		}
		out[i] = d
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
