package balance

import (
	"cmp"
	"slices"
)

// piece is room to move a total, at a cost per step.
type piece struct {
	cost     float64
	capacity float64
}

// pieceList is pieces cheapest first, with their running totals, shared by
// the speakers whose pieces they are.
type pieceList struct {
	pieces []piece
	cum    []float64 // cum[j]: the capacity of pieces[:j]
	acc    []float64 // acc[j]: the cost of filling pieces[:j]

	// The pieces that cost level are pieces[from:to], for the last level
	// asked of [pieceList.at]: the members of a type ask of one list at
	// one level in turn.
	level    float64
	from, to int
	known    bool
}

// at returns the pieces that cost level, pieces[from:to]: those before
// from are cheaper.
func (l *pieceList) at(level float64) (from, to int) {
	if !l.known || l.level != level {
		cost := func(p piece, v float64) int { return cmp.Compare(p.cost, v) }
		l.from, _ = slices.BinarySearchFunc(l.pieces, level, cost)
		l.to = l.from
		for l.to < len(l.pieces) && l.pieces[l.to].cost == level {
			l.to++
		}
		l.level, l.known = level, true
	}
	return l.from, l.to
}

func newPieceList(pieces []piece) *pieceList {
	l := &pieceList{pieces: pieces, cum: make([]float64, len(pieces)+1), acc: make([]float64, len(pieces)+1)}
	for j, p := range pieces {
		l.cum[j+1] = l.cum[j] + p.capacity
		l.acc[j+1] = l.acc[j] + p.capacity*p.cost
	}
	return l
}

// side is one speaker's pieces on one side of c_i, cheapest first: the
// first n of a shared list, then tail where its capacity is above 0.
type side struct {
	list *pieceList
	n    int
	tail piece
}

// ownSide returns a side of pieces shared with no other cost.
func ownSide(pieces []piece) side {
	return side{list: newPieceList(pieces), n: len(pieces)}
}

// each calls fn with every piece of s, cheapest first.
func (s side) each(fn func(piece)) {
	for _, p := range s.list.pieces[:s.n] {
		fn(p)
	}
	if s.tail.capacity > 0 {
		fn(s.tail)
	}
}

// room is how far s reaches: the capacity of all its pieces.
func (s side) room() float64 { return s.list.cum[s.n] + s.tail.capacity }

// fill returns the cost of moving by amount along s, cheapest first; past
// its room, the cost of its room.
func (s side) fill(amount float64) float64 {
	l := s.list
	if amount >= l.cum[s.n] {
		return l.acc[s.n] + min(amount-l.cum[s.n], s.tail.capacity)*s.tail.cost
	}
	// The piece amount ends in: the last j with cum[j] ≤ amount.
	j, found := slices.BinarySearch(l.cum[:s.n+1], amount)
	if !found {
		j--
	}
	return l.acc[j] + (amount-l.cum[j])*l.pieces[j].cost
}

// below returns the capacity of s's pieces cheaper than level, and of
// those that cost level.
func (s side) below(level float64) (under, at float64) {
	l := s.list
	from, to := l.at(level)
	from, to = min(from, s.n), min(to, s.n)
	under = l.cum[from]
	for _, p := range l.pieces[from:to] {
		at += p.capacity
	}
	switch {
	case s.tail.capacity <= 0:
	case s.tail.cost < level:
		under += s.tail.capacity
	case s.tail.cost == level:
		at += s.tail.capacity
	}
	return under, at
}

// merger merges sides into a type's pieces (see [merger.merge]), with
// scratch space that one type's merge leaves to the next.
type merger struct {
	lists []*pieceList // the distinct lists, few: one per family in the type
	ends  [][]int      // per list: how many sides stop at each of its pieces
	tails []piece
	runs  []piece // with several lists: each list's pieces in turn, then the tails
	heads []int   // with several lists: where each run starts, and then the end
	next  []int   // with several lists: per run, its first piece not yet merged
}

// merge returns the pieces of the given sides together, cheapest first,
// those of the same cost merged: the ways a type's total moves. Sides of
// one list add up piece by piece, so that a type of thousands of speakers
// merges a list and their tails, not every piece of everyone. The pieces
// are appended to dst[:0].
func (mg *merger) merge(dst []piece, sides []side) []piece {
	lists, ends, tails := mg.lists[:0], mg.ends[:0], mg.tails[:0]
	defer func() { mg.lists, mg.ends = lists, ends }()
	size := 0 // at most the pieces the result has
	for _, s := range sides {
		i := slices.Index(lists, s.list)
		if i < 0 {
			i = len(lists)
			lists = append(lists, s.list)
			var end []int
			if i < cap(ends) {
				end = ends[:i+1][i]
			}
			end = slices.Grow(end[:0], len(s.list.pieces)+1)[:len(s.list.pieces)+1]
			clear(end)
			ends = append(ends, end)
			size += len(s.list.pieces)
		}
		ends[i][s.n]++
		if s.tail.capacity > 0 {
			tails = append(tails, s.tail)
			size++
		}
	}
	mg.tails = tails
	slices.SortFunc(tails, func(a, b piece) int { return cmp.Compare(a.cost, b.cost) })
	out := slices.Grow(dst[:0], size)
	if len(lists) > 1 {
		return mg.mergeRuns(out, lists, ends, tails)
	}
	add := func(p piece) { out = appendMerged(out, p) }
	if len(lists) == 1 {
		l, end := lists[0], ends[0]
		held := 0 // sides that hold piece j: those that stop past it
		for _, n := range end {
			held += n
		}
		for j, p := range l.pieces {
			if held -= end[j]; held == 0 {
				break
			}
			// The list is in order already: the tails are merged in as
			// it goes.
			for len(tails) > 0 && tails[0].cost < p.cost {
				add(tails[0])
				tails = tails[1:]
			}
			add(piece{cost: p.cost, capacity: p.capacity * float64(held)})
		}
	}
	for _, p := range tails {
		add(p)
	}
	return out
}

// mergeRuns appends to out the pieces of several lists, each piece held
// by the sides that stop past it as ends counts them, and the sorted
// tails: each list's held pieces are a run in order of cost, so the runs
// are merged, cheapest first, those of the same cost into one with their
// rooms added up in the order of the runs.
func (mg *merger) mergeRuns(out []piece, lists []*pieceList, ends [][]int, tails []piece) []piece {
	runs, heads := mg.runs[:0], mg.heads[:0]
	for i, l := range lists {
		heads = append(heads, len(runs))
		held := 0
		for _, n := range ends[i] {
			held += n
		}
		for j, p := range l.pieces {
			if held -= ends[i][j]; held == 0 {
				break
			}
			runs = append(runs, piece{cost: p.cost, capacity: p.capacity * float64(held)})
		}
	}
	heads = append(heads, len(runs))
	runs = append(runs, tails...)
	heads = append(heads, len(runs))
	next := append(mg.next[:0], heads[:len(heads)-1]...)
	mg.runs, mg.heads, mg.next = runs, heads, next
	for {
		best := -1
		for r, at := range next {
			if at < heads[r+1] && (best < 0 || runs[at].cost < runs[next[best]].cost) {
				best = r
			}
		}
		if best < 0 {
			return out
		}
		out = appendMerged(out, runs[next[best]])
		next[best]++
	}
}

// appendMerged appends p to pieces in order of cost, merged with the last
// one if they cost the same.
func appendMerged(out []piece, p piece) []piece {
	if n := len(out); n > 0 && out[n-1].cost == p.cost {
		out[n-1].capacity += p.capacity
		return out
	}
	return append(out, p)
}
