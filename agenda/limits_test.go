package agenda

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

// sizedSession returns a valid onsite session of n people and m segments:
// the first person moderates, everyone speaks, in one segment each.
func sizedSession(n, m int) *Session {
	s := &Session{Title: fmt.Sprintf("%d people, %d segments", n, m), Format: FormatOnsite,
		Slot: timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: time.Duration(m) * time.Minute}}
	for i := range n {
		s.People = append(s.People, Person{Name: fmt.Sprintf("Person %d", i), Roles: []Role{RoleSpeaker}})
	}
	if n > 0 {
		s.People[0].Roles = []Role{RoleModerator}
	}
	for k := range m {
		s.Segments = append(s.Segments, Segment{Title: fmt.Sprintf("Part %d", k), Kind: kindDiscussion, Length: time.Minute})
	}
	for i := 1; i < n && m > 0; i++ {
		seg := &s.Segments[i%m]
		seg.Speakers = append(seg.Speakers, s.People[i].Name)
	}
	return s
}

// igfPeople is an IGF page that lists n speakers.
func igfPeople(n int) string {
	var b strings.Builder
	b.WriteString("Panel - 90 Min\n")
	for i := range n {
		fmt.Fprintf(&b, "Speaker %d: Person %d, Civil Society, WEOG\n", i+1, i)
	}
	return b.String()
}

// checkLimit checks that err is nil when want is nil, and otherwise that
// it matches ErrTooLarge and holds a *LimitError equal to want whose text,
// and err's, names the limit.
func checkLimit(t *testing.T, err error, want *LimitError) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("at the limit: %v, want no error", err)
		}
		return
	}
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("past the limit: %v, want an error matching ErrTooLarge", err)
	}
	var got *LimitError
	if !errors.As(err, &got) {
		t.Fatalf("past the limit: %T %v, want a *LimitError inside", err, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LimitError mismatch (-want +got):\n%s", diff)
	}
	for _, part := range []string{want.What, want.Limit, fmt.Sprint(want.Max)} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not name %q", err, part)
		}
	}
}

// TestLimits runs every entry point of the package at each limit, where it
// must accept the input, and one past it, where it must refuse it with a
// *LimitError matching ErrTooLarge.
func TestLimits(t *testing.T) {
	people := func(count int) *LimitError {
		return &LimitError{What: "people", Count: count, Max: MaxPeople, Limit: "agenda.MaxPeople"}
	}
	segments := func(count int) *LimitError {
		return &LimitError{What: "segments", Count: count, Max: MaxSegments, Limit: "agenda.MaxSegments"}
	}
	bytesPast := &LimitError{What: "bytes", Max: MaxBytes, Limit: "agenda.MaxBytes"}
	listed := func(count int) *LimitError {
		return &LimitError{What: "names listed in segments", Count: count, Max: MaxListed, Limit: "agenda.MaxListed"}
	}
	// everyone lists n speakers in each of m segments.
	everyone := func(n, m int) *Session {
		s := sizedSession(n+1, m)
		for k := range s.Segments {
			s.Segments[k].Speakers = nil
			for _, p := range s.People[1:] {
				s.Segments[k].Speakers = append(s.Segments[k].Speakers, p.Name)
			}
		}
		return s
	}
	validate := func(s *Session) error { return s.Validate() }
	checkSize := func(s *Session) error { return s.CheckSize() }
	decode := func(s *Session) error {
		data, err := json.Marshal(s)
		if err != nil {
			return err
		}
		_, err = Decode(bytes.NewReader(data))
		return err
	}
	unmarshal := func(s *Session) error {
		data, err := json.Marshal(s)
		if err != nil {
			return err
		}
		var got Session
		return got.UnmarshalJSON(data)
	}
	tests := []struct {
		name    string
		reason  string
		session *Session
		run     func(*Session) error
		want    *LimitError
	}{
		{"CheckSize/people", "the one check of people", sizedSession(MaxPeople, 1), checkSize, nil},
		{"CheckSize/people+1", "", sizedSession(MaxPeople+1, 1), checkSize, people(MaxPeople + 1)},
		{"CheckSize/segments", "the one check of segments", sizedSession(2, MaxSegments), checkSize, nil},
		{"CheckSize/segments+1", "", sizedSession(2, MaxSegments+1), checkSize, segments(MaxSegments + 1)},
		{"CheckSize/listed", "every speaker in every segment, at the limit", everyone(MaxListed/MaxSegments, MaxSegments), checkSize, nil},
		{"CheckSize/listed+1", "one name more than the limit", everyone(MaxListed/3+1, 3), checkSize, listed(3 * (MaxListed/3 + 1))},
		{"Validate/listed+1", "MaxPeople speakers in each of 3 segments", everyone(MaxPeople-1, 3), validate, listed(3 * (MaxPeople - 1))},
		{"Validate/people", "a session at the limit is valid", sizedSession(MaxPeople, 1), validate, nil},
		{"Validate/people+1", "one problem, nothing else checked", sizedSession(MaxPeople+1, 1), validate, people(MaxPeople + 1)},
		{"Validate/segments", "", sizedSession(2, MaxSegments), validate, nil},
		{"Validate/segments+1", "", sizedSession(2, MaxSegments+1), validate, segments(MaxSegments + 1)},
		{"Decode/people", "", sizedSession(MaxPeople, 1), decode, nil},
		{"Decode/people+1", "the reader stops at the first person past the limit, so it does not count them all", sizedSession(MaxPeople+1, 1), decode, people(0)},
		{"Decode/segments", "", sizedSession(2, MaxSegments), decode, nil},
		{"Decode/segments+1", "", sizedSession(2, MaxSegments+1), decode, segments(0)},
		{"UnmarshalJSON/people+1", "", sizedSession(MaxPeople+1, 1), unmarshal, people(0)},
		{"UnmarshalJSON/segments+1", "", sizedSession(2, MaxSegments+1), unmarshal, segments(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run(tt.session)
			checkLimit(t, err, tt.want)
			if tt.want == nil {
				return
			}
			if strings.HasPrefix(tt.name, "Validate") {
				var ve *ValidationError
				if !errors.As(err, &ve) || ve.Field != tt.want.What || len(problems(t, err)) != 1 {
					t.Errorf("Validate = %v, want one *ValidationError at %q", err, tt.want.What)
				}
			}
			if strings.HasPrefix(tt.name, "Decode") || strings.HasPrefix(tt.name, "Unmarshal") {
				var de *DecodeError
				if !errors.As(err, &de) || de.Field != tt.want.What {
					t.Errorf("%v, want a *DecodeError at %q", err, tt.want.What)
				}
			}
		})
	}

	t.Run("ParseIGF/people", func(t *testing.T) {
		s, _, err := ParseIGF(strings.NewReader(igfPeople(MaxPeople)))
		checkLimit(t, err, nil)
		if len(s.People) != MaxPeople {
			t.Errorf("ParseIGF read %d people, want %d", len(s.People), MaxPeople)
		}
	})
	t.Run("ParseIGF/people+1", func(t *testing.T) {
		s, _, err := ParseIGF(strings.NewReader(igfPeople(MaxPeople + 1)))
		checkLimit(t, err, people(0))
		var de *DecodeError
		if s != nil || !errors.As(err, &de) || de.Field != fmt.Sprintf("line %d", MaxPeople+2) {
			t.Errorf("ParseIGF = %v, %v; want a *DecodeError at the line of the first person past the limit", s, err)
		}
	})
	t.Run("readInput/bytes", func(t *testing.T) {
		data, err := readInput(bytes.NewReader(make([]byte, MaxBytes)))
		checkLimit(t, err, nil)
		if len(data) != MaxBytes {
			t.Errorf("readInput read %d bytes, want %d", len(data), MaxBytes)
		}
	})
	t.Run("readInput/bytes+1", func(t *testing.T) {
		_, err := readInput(bytes.NewReader(make([]byte, MaxBytes+1)))
		checkLimit(t, err, bytesPast)
	})
	t.Run("ParseIGF/bytes+1", func(t *testing.T) {
		_, _, err := ParseIGF(bytes.NewReader(make([]byte, MaxBytes+1)))
		checkLimit(t, err, bytesPast)
	})
	t.Run("unmarshalStrict/bytes+1", func(t *testing.T) {
		var q Question
		counted := *bytesPast
		counted.Count = MaxBytes + 1 // the input is all in memory, and counted
		checkLimit(t, unmarshalStrict(make([]byte, MaxBytes+1), &q), &counted)
	})
}

func TestLimitErrorMessage(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&LimitError{What: "people", Count: 5001, Max: 5000, Limit: "agenda.MaxPeople"},
			"agenda: input too large: 5001 people, more than 5000 (agenda.MaxPeople)"},
		{&LimitError{What: "bytes", Max: MaxBytes, Limit: "agenda.MaxBytes"},
			"agenda: input too large: more than 4194304 bytes (agenda.MaxBytes)"},
		{&ValidationError{Field: "segments", Err: &LimitError{What: "segments", Count: 101, Max: 100, Limit: "agenda.MaxSegments"}},
			"agenda: segments: input too large: 101 segments, more than 100 (agenda.MaxSegments)"},
		{&DecodeError{Field: "people", Err: &LimitError{What: "people", Max: 5000, Limit: "agenda.MaxPeople"}},
			"agenda: decoding people: input too large: more than 5000 people (agenda.MaxPeople)"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// pairwiseDoubleBookings is validator.parallel as it was, pair by pair of
// segments, in the words of its problems: the reference the near-linear
// one is checked against.
func pairwiseDoubleBookings(s *Session) []string {
	plan := s.Plan()
	var out []string
	for i := range s.Segments {
		if s.Segments[i].Track == "" {
			continue
		}
		for j := i + 1; j < len(s.Segments) && s.Segments[j].Track != ""; j++ {
			if !overlaps(plan.Spans[i], plan.Spans[j]) {
				continue
			}
			inJ := map[string]bool{}
			for _, ref := range references(&s.Segments[j]) {
				inJ[NameKey(ref.name)] = true
			}
			for _, ref := range references(&s.Segments[i]) {
				if inJ[NameKey(ref.name)] {
					out = append(out, (&ValidationError{Field: fmt.Sprintf("segments[%d]%s", i, ref.field()), Value: ref.name, Err: errDoubleBooked,
						Reason: fmt.Sprintf("also in segments[%d] (track %q) at the same time", j, s.Segments[j].Track)}).Error())
				}
			}
		}
	}
	return out
}

// randomParallel draws a session of parallel runs, plenaries between them,
// some segments empty or of no length, and names from a small pool written
// in several ways, some listed twice in a segment.
func randomParallel(rng *rand.Rand) *Session {
	pool := []string{"Ana", "ana", " Ana ", "Ben", "Tupou’tuah", "tupou'tuah", "Cleo", "Dev", "Eve", ""}
	s := &Session{Slot: timeslot.Slot{Length: 3 * time.Hour}}
	for range 1 + rng.IntN(14) {
		seg := Segment{Title: "s", Kind: kindBreakout, Length: time.Duration(rng.IntN(5)) * 10 * time.Minute}
		if rng.IntN(4) > 0 {
			seg.Track = string(rune('A' + rng.IntN(4)))
		}
		for range rng.IntN(6) {
			seg.Speakers = append(seg.Speakers, pool[rng.IntN(len(pool))])
		}
		for range rng.IntN(3) {
			seg.Facilitators = append(seg.Facilitators, pool[rng.IntN(len(pool))])
		}
		s.Segments = append(s.Segments, seg)
	}
	return s
}

// doubleBookings returns the double bookings Validate lists, and whether it
// says it left some out.
func doubleBookings(t *testing.T, s *Session) (listed []string, more bool) {
	t.Helper()
	for _, ve := range validationErrors(s.Validate()) {
		switch ve.Err {
		case errDoubleBooked:
			listed = append(listed, ve.Error())
		case ErrTooManyProblems:
			more = true
		}
	}
	return listed, more
}

// validationErrors returns the problems of Validate's error.
func validationErrors(err error) []*ValidationError {
	var out []*ValidationError
	for _, e := range unjoin(err) {
		var ve *ValidationError
		if errors.As(e, &ve) {
			out = append(out, ve)
		}
	}
	return out
}

// TestParallelMatchesPairwise checks the double bookings Validate finds
// against the pair-by-pair reference, on random sessions.
func TestParallelMatchesPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(20261123, 1))
	for i := range 500 {
		s := randomParallel(rng)
		got, _ := doubleBookings(t, s)
		if diff := cmp.Diff(pairwiseDoubleBookings(s), got); diff != "" {
			t.Fatalf("case %d: double bookings mismatch (-pairwise +Validate):\n%s\nsession: %+v", i, diff, s.Segments)
		}
	}
}

// TestValidateMaxProblems: a session with more problems than maxProblems
// lists the first of them, in order, and says how many more there are.
func TestValidateMaxProblems(t *testing.T) {
	for _, tt := range []struct {
		name     string
		people   int
		parallel int
		reason   string
	}{
		{"under", 10, 10, "450 double bookings are all listed"},
		{"over", 30, 10, "1,350 double bookings: the first thousand are listed"},
		{"far over", MaxListed / MaxSegments, MaxSegments, "495,000 double bookings, at MaxListed, listed in a blink"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &Session{Title: "breakouts", Format: FormatOnsite, Slot: timeslot.Slot{Length: time.Hour}}
			var names []string
			for i := range tt.people {
				names = append(names, fmt.Sprint("Facilitator ", i))
				s.People = append(s.People, Person{Name: names[i], Roles: []Role{RoleFacilitator}})
			}
			for k := range tt.parallel {
				s.Segments = append(s.Segments, Segment{Title: "Breakout", Kind: kindBreakout, Length: time.Hour, Track: fmt.Sprint(k), Facilitators: names})
			}
			total := tt.people * tt.parallel * (tt.parallel - 1) / 2
			all := problems(t, s.Validate())
			listed, more := doubleBookings(t, s)
			if total <= maxProblems {
				if len(listed) != total || more || len(all) != total {
					t.Fatalf("%d problems, %d double bookings, more: %v; want all %d listed: %s", len(all), len(listed), more, total, tt.reason)
				}
				return
			}
			if len(all) != maxProblems+1 || len(listed) != maxProblems || !more {
				t.Fatalf("%d problems, %d double bookings, more: %v; want %d and a last that says there are more: %s", len(all), len(listed), more, maxProblems, tt.reason)
			}
			if tt.people*tt.parallel <= 300 {
				if diff := cmp.Diff(pairwiseDoubleBookings(s)[:maxProblems], listed); diff != "" {
					t.Errorf("the listed double bookings are not the first ones (-pairwise +Validate):\n%s", diff)
				}
			}
			last := validationErrors(s.Validate())[maxProblems]
			if want := fmt.Sprintf("%d more not listed", total-maxProblems); last.Err != ErrTooManyProblems || !strings.Contains(last.Error(), want) {
				t.Errorf("last problem %q, want one of ErrTooManyProblems that says %q", last, want)
			}
		})
	}
}

// BenchmarkValidate measures Validate at a tenth, a quarter, half and all
// of MaxPeople, over MaxSegments segments on ten parallel tracks.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{MaxPeople / 10, MaxPeople / 4, MaxPeople / 2, MaxPeople} {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			s := sizedSession(n, MaxSegments)
			for k := range s.Segments {
				s.Segments[k].Track = fmt.Sprint(k % 10)
			}
			s.Slot.Length = time.Duration(MaxSegments/10) * time.Minute
			if err := s.Validate(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				s.Validate()
			}
			b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(n), "ns/person")
		})
	}
}
