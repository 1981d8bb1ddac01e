package balance

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// Reason is one part of a speaker's difference from their fair share: what
// made it, how much, and the same in words for the moderator who hands the
// time out, such as "+1m30s: the only GRULAC speaker (regional balance)" or
// "−30s: capped at 10m (max)".
type Reason struct {
	// Cause names what made it: "segments", the segments they speak in
	// (more or fewer speakers, more or less time, least turns, and the
	// bounds of others who speak in them); "bound", a bound of their own:
	// their minimum or maximum, all the time of their segments, or their
	// least turns; a dimension's name ("mode", "stakeholder",
	// "region", "gender" or "label:<key>"), its balance; or "rounding", to
	// whole steps.
	Cause  string
	Change time.Duration
	Text   string
}

// The causes of a deviation that are not a dimension.
const (
	causeSegments = "segments"
	causeBound    = "bound"
	causeRounding = "rounding"
)

// explainShares sets the Why of every speaker of al. The parts are the
// differences between optima of the programme with more and more of its
// terms: none of the dimensions (what the segments and bounds alone
// give), then each dimension in the policy's order, then the rounding to
// whole steps, so that they add up to each speaker's difference from their
// fair share taken to the second. A part of less than a sixth of a step
// (a piece of the costs, within which the optimum is not unique) is left
// to the next one, so as not to list a few seconds of noise.
// A re-plan, whose targets include what was said, is not explained.
func (pr *problem) explainShares(al *Allocation, final *solved) {
	if pr.past != nil || len(pr.speakers) == 0 {
		return
	}
	if len(final.prefix) != len(pr.dims) {
		return // no optimum of a relaxation (there are no variables, or the method failed one): explain nothing rather than wrongly
	}
	stages := make([][]float64, len(pr.dims)+1) // per stage, per speaker: steps before rounding
	for k := range stages {
		totals := final.total
		if k < len(final.prefix) {
			totals = final.prefix[k]
		}
		// A dimension that moves no type, as one whose rows its optimum
		// already meets, leaves every speaker where the last stage did.
		if k > 0 && slices.Equal(totals, final.prefix[k-1]) {
			stages[k] = stages[k-1]
			continue
		}
		stages[k] = pr.perSpeaker(final.ks, totals)
	}
	// moved[r]: how much the dimension of row r moved its group as a whole.
	D := len(pr.dims)
	moved := make([]float64, len(final.rows))
	for i := range pr.speakers {
		for d := range D {
			if r := final.rowOf[pr.speakers[i].kind*D+d]; r >= 0 {
				moved[r] += stages[d+1][i] - stages[d][i]
			}
		}
	}
	// The words of a dimension's part, the same for a group's members: at
	// 2r and 2r+1 for the members of row r's group against and with its
	// move, and after the rows, per dimension, for those with no value;
	// then how the segments set a speaker's time, as they come.
	texts := make([]string, 2*len(final.rows)+D)
	// Members of a type who share alike have the same time at every stage,
	// and so the same parts when they end with the same time: their words
	// are written once.
	type whyKey struct {
		kind int
		time time.Duration
	}
	alike := make([]bool, len(final.ks))
	for k := range final.ks {
		alike[k] = pr.alike(&final.ks[k])
	}
	done := map[whyKey][]Reason{}
	words := reasonWords{}
	type segmentsKey struct {
		kind int
		fair float64
		more bool
	}
	segTexts := map[segmentsKey]int{} // the words of how the segments set a speaker's time, the same for a type's members of one fair share, as slots of texts
	bound := pr.bounded(stages[0])
	rounding := "rounding to steps of " + timeslot.FormatLength(pr.step)
	reasons := reasonStore{room: 3 * len(pr.speakers)} // about as many as most sessions have
	var why []Reason                                   // the speaker's, before it is stored
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		sh := &al.Speakers[i]
		key := whyKey{sp.kind, sh.Time}
		if alike[sp.kind] {
			if why, ok := done[key]; ok {
				sh.Why = reasons.take(why)
				continue
			}
		}
		why = why[:0]
		prev := sh.Fair.Round(time.Second)
		// add adds the part of cause c that takes the speaker to at, in
		// words text, which texts[slot] holds if slot is not −1.
		add := func(c string, at float64, slot int, text string) {
			d := pr.steps(at).Round(time.Second) - prev
			if d.Abs() < pr.step/piecesPerStep {
				return // a few seconds: left to the next part, so as not to list noise
			}
			prev += d
			why = append(why, Reason{Cause: c, Change: d, Text: words.of(d, slot, text)})
		}
		x0 := stages[0][i]
		if h := bound.held[i]; h != 0 {
			add(causeBound, x0, -1, pr.boundText(sp, h))
		} else {
			key := segmentsKey{sp.kind, sp.fair, x0 > sp.fair}
			slot, ok := segTexts[key]
			if !ok {
				slot = len(texts)
				texts = append(texts, pr.segmentsText(sp, key.more, bound))
				segTexts[key] = slot
			}
			add(causeSegments, x0, slot, texts[slot])
		}
		for d, dim := range pr.dims {
			t, n := 2*len(final.rows)+d, 0
			if r := final.rowOf[sp.kind*D+d]; r >= 0 {
				own := stages[d+1][i] - stages[d][i]
				t, n = 2*r+btoi(own*moved[r] > 0), final.rows[r].count // with: moved as their group is, not against it
			}
			if texts[t] == "" {
				with := t%2 == 1 && t < 2*len(final.rows)
				texts[t] = pr.groupText(d, sp, with, with && moved[t/2] < 0, n)
			}
			add(dim.Name(), stages[d+1][i], t, texts[t])
		}
		if d := sh.Time - prev; d != 0 {
			why = append(why, Reason{Cause: causeRounding, Change: d, Text: words.of(d, -1, rounding)})
		}
		if sh.Time == sh.Fair.Round(time.Second) {
			why = why[:0] // parts that cancel out explain no difference
		}
		sh.Why = reasons.take(why)
		if alike[sp.kind] {
			done[key] = sh.Why
		}
	}
}

// reasonStore holds the speakers' reasons in a few large blocks rather
// than a slice each. Its first block holds up to room reasons.
type reasonStore struct {
	block []Reason
	room  int
}

// take returns a copy of why in the store, which appending to cannot
// overwrite.
func (st *reasonStore) take(why []Reason) []Reason {
	if len(why) == 0 {
		return nil
	}
	if cap(st.block)-len(st.block) < len(why) {
		st.block = make([]Reason, 0, max(min(256, st.room), len(why)))
		st.room = 256
	}
	from := len(st.block)
	st.block = append(st.block, why...)
	return st.block[from:len(st.block):len(st.block)]
}

// reasonWords writes the words of reasons, "+1m30s: the only GRULAC
// speaker (regional balance)", once for every change and text: speakers of
// a group moved alike have the same.
type reasonWords map[reasonText]string

// reasonText is a change and the text of its reason: the text, or where
// it is one of a few the caller numbers, its slot.
type reasonText struct {
	change time.Duration
	slot   int
	text   string
}

// of returns the words of a change d for the reason text, which is the
// caller's slot, if not −1, alone.
func (w reasonWords) of(d time.Duration, slot int, text string) string {
	key := reasonText{d, slot, text}
	if slot >= 0 {
		key.text = "" // the slot says which: not hashed
	}
	s, ok := w[key]
	if !ok {
		s = signed(d) + ": " + text
		w[key] = s
	}
	return s
}

// perSpeaker returns each speaker's steps, before rounding, when the types
// ks have the totals given.
func (pr *problem) perSpeaker(ks []kind, totals []float64) []float64 {
	x := make([]float64, len(pr.speakers))
	for k := range ks {
		for j, v := range pr.spread(&ks[k], totals[k]) {
			x[ks[k].members[j]] = v
		}
	}
	return x
}

// bounded is who is held at a bound on the far side of their fair share
// when no dimension is balanced: per speaker, +1 at their upper bound below
// it, −1 at their lower bound above it, 0 if neither; and per segment, the
// speakers held.
type bounded struct {
	held  []int8
	inSeg [][]int
}

// bounded finds who is held at a bound at x, steps per speaker with no
// dimension balanced.
func (pr *problem) bounded(x []float64) bounded {
	b := bounded{held: make([]int8, len(pr.speakers)), inSeg: make([][]int, len(pr.segs))}
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		switch {
		case x[i] >= float64(sp.hi)-eps && float64(sp.hi) < sp.fair:
			b.held[i] = 1
		case x[i] <= float64(sp.lo)+eps && float64(sp.lo) > sp.fair:
			b.held[i] = -1
		default:
			continue
		}
		for _, k := range sp.segs {
			b.inSeg[k] = append(b.inSeg[k], i)
		}
	}
	return b
}

// boundText says which bound holds a speaker (h as [bounded] has it):
// "capped at 10m (max)", "capped at 9m, all the time of “Keynote”",
// "raised to 6m (min)" or "raised to 4m, their least turns".
func (pr *problem) boundText(sp *speaker, h int8) string {
	if h > 0 {
		capped := "capped at " + timeslot.FormatLength(time.Duration(sp.hi)*pr.step)
		switch {
		case sp.hi < sp.room:
			return capped + pr.givenText(" (max", sp.maxGiven, sp.hi)
		case len(sp.segs) == 1:
			return capped + ", all the time of “" + pr.s.Segments[pr.segs[sp.segs[0]].index].Title + "”"
		}
		return capped + ", all the time of their segments"
	}
	raised := "raised to " + timeslot.FormatLength(time.Duration(sp.lo)*pr.step)
	if sp.lo == sp.turns {
		return raised + ", their least turns"
	}
	return raised + pr.givenText(" (min", sp.minGiven, sp.lo)
}

// givenText closes the bracket of a bound that opens with kind: the bound
// in steps is the one given, or, if that is not whole steps, says what
// was given: " (max 9m, in steps of 2m)".
func (pr *problem) givenText(kind string, given time.Duration, steps int) string {
	if time.Duration(steps)*pr.step == given {
		return kind + ")"
	}
	return kind + " " + timeslot.FormatLength(given) + ", in steps of " + timeslot.FormatLength(pr.step) + ")"
}

// segmentsText says how the segments a speaker speaks in, and the bounds
// of the others in them, set their time, more than their fair share or
// less: the segments themselves where an equal part of each is more or
// less than the fair share, else the bounds of others who speak with
// them, else the least turns.
func (pr *problem) segmentsText(sp *speaker, more bool, bound bounded) string {
	part := 0.0 // an equal part of each segment's time
	for _, k := range sp.segs {
		part += float64(pr.segs[k].capacity) / float64(len(pr.segs[k].speakers))
	}
	if (part > sp.fair) == more && math.Abs(part-sp.fair) >= 1.0/piecesPerStep {
		if len(sp.segs) > 1 && len(pr.segs) > len(sp.segs) {
			return fmt.Sprintf("speaks in %d of the %d speaking segments", len(sp.segs), len(pr.segs))
		}
		if len(sp.segs) == 1 && len(pr.segs) > 1 {
			sg := pr.segs[sp.segs[0]]
			title := pr.s.Segments[sg.index].Title
			length := timeslot.FormatLength(time.Duration(sg.capacity) * pr.step)
			switch {
			case len(sg.speakers) == 1:
				return fmt.Sprintf("speaks alone in the %s of “%s”", length, title)
			case more:
				return fmt.Sprintf("only %d speakers share the %s of “%s”", len(sg.speakers), length, title)
			}
			return fmt.Sprintf("all %d speakers share the %s of “%s”", len(sg.speakers), length, title)
		}
	}
	// Others held at a bound leave their time to the rest of their
	// segments, or take it from them; they are counted, not named, as the
	// words go wherever the allocation goes.
	want := int8(-1)
	if more {
		want = 1
	}
	seen := map[int]bool{}
	for _, k := range sp.segs {
		for _, j := range bound.inSeg[k] {
			if bound.held[j] == want {
				seen[j] = true
			}
		}
	}
	switch n := len(seen); {
	case n == 1 && more:
		return "time another speaker’s bound leaves to the others"
	case n == 1:
		return "time another speaker’s bound takes from the others"
	case n > 1 && more:
		return fmt.Sprintf("time the bounds of %d other speakers leave to the others", n)
	case n > 1:
		return fmt.Sprintf("time the bounds of %d other speakers take from the others", n)
	}
	if more && len(sp.segs) == 1 {
		// Those who speak elsewhere too take less of this segment.
		sg := pr.segs[sp.segs[0]]
		if slices.ContainsFunc(sg.speakers, func(j int) bool { return len(pr.speakers[j].segs) > 1 }) {
			return "others in “" + pr.s.Segments[sg.index].Title + "” also speak in other segments"
		}
	}
	return "the least turns and the time of the segments"
}

// groupText says how dimension d moves a speaker: as one of the n members
// of a group the dimension moves the same way (with), down if down, or,
// with no value in it or against their group's move, as the others' groups
// are evened out.
func (pr *problem) groupText(d int, sp *speaker, with, down bool, n int) string {
	dim := pr.dims[d]
	var balance string
	switch dim.By {
	case ByMode:
		balance = "onsite–online balance"
	case ByStakeholder:
		balance = "stakeholder balance"
	case ByRegion:
		balance = "regional balance"
	case ByGender:
		balance = "gender balance"
	default:
		balance = dim.Label + " balance"
	}
	if dim.Hard {
		balance += ", a hard rule"
	}
	g := sp.groups[d]
	if g == "" || !with {
		return "as others are balanced (" + balance + ")"
	}
	if n == 1 {
		if down {
			// Being a group's only speaker is a reason to gain; a loss is
			// the group's coming down to its target from above it, where
			// the parts before put it, as the speaker's other groups
			// gained: above it before, not after, as the tables show.
			toward := "toward"
			if dim.Hard {
				toward = "to"
			}
			return fmt.Sprintf("the only %s, as the group comes down %s its target (%s)", groupPhrase(dim, g, false), toward, balance)
		}
		return fmt.Sprintf("the only %s (%s)", groupPhrase(dim, g, false), balance)
	}
	return fmt.Sprintf("one of %d %s (%s)", n, groupPhrase(dim, g, true), balance)
}

// signed writes a change with its sign: "+1m30s", "−30s".
func signed(d time.Duration) string {
	if d < 0 {
		return "−" + timeslot.FormatLength(-d)
	}
	return "+" + timeslot.FormatLength(d)
}

// objectiveAt is the programme's objective at the whole-step allocation
// people (steps per speaker), in weighted steps: each speaker's cost along
// their pieces from c_i, and each group's distance from its target.
// The speakers are taken type by type, in the types' order, so that the
// sum does not depend on the order of the input.
func (pr *problem) objectiveAt(sol *solved, people []int) float64 {
	obj := 0.0
	total := make([]int, len(sol.ks))
	for k := range sol.ks {
		for _, i := range sol.ks[k].members {
			obj += pr.speakerCost(i, people[i])
			total[k] += people[i]
		}
	}
	group, known := pr.groupSteps(sol, total)
	for ri, row := range sol.rows {
		g, all := group[ri], known[row.dim]
		if pr.past != nil {
			g += pr.past.group[ri]
			all += pr.past.known[ri]
		}
		obj += pr.dims[row.dim].weight() * math.Abs(g-row.target*all)
	}
	return obj
}

// speakerCost is w₀·w_i·φ̃_i at x steps: the cost at c_i and along the
// pieces from it.
func (pr *problem) speakerCost(i, x int) float64 {
	c := pr.cost(i)
	if move := float64(x) - c.clamped; move < 0 {
		return c.base + c.down.fill(-move)
	}
	return c.base + c.up.fill(float64(x)-c.clamped)
}
