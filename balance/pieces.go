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
	j, _ := slices.BinarySearchFunc(l.pieces[:s.n], level, func(p piece, v float64) int { return cmp.Compare(p.cost, v) })
	under = l.cum[j]
	for ; j < s.n && l.pieces[j].cost == level; j++ {
		at += l.pieces[j].capacity
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

// mergeSides returns the pieces of the given sides together, cheapest
// first, those of the same cost merged: the ways a type's total moves.
// Sides of one list add up piece by piece, so that a type of thousands of
// speakers merges a list and their tails, not every piece of everyone.
func mergeSides(sides []side) []piece {
	var lists []*pieceList // the distinct lists, few: one per family in the type
	var ends [][]float64   // per list: how many sides stop at each of its pieces
	var tails []piece
	for _, s := range sides {
		i := slices.Index(lists, s.list)
		if i < 0 {
			i = len(lists)
			lists = append(lists, s.list)
			ends = append(ends, make([]float64, len(s.list.pieces)+1))
		}
		ends[i][s.n]++
		if s.tail.capacity > 0 {
			tails = append(tails, s.tail)
		}
	}
	var out []piece
	for i, l := range lists {
		start := len(out)
		held := 0.0 // sides that hold piece j: those that stop past it
		for j := len(l.pieces) - 1; j >= 0; j-- {
			held += ends[i][j+1]
			if held > 0 {
				out = append(out, piece{cost: l.pieces[j].cost, capacity: l.pieces[j].capacity * held})
			}
		}
		slices.Reverse(out[start:])
	}
	if len(lists) > 1 {
		return mergePieces(append(out, tails...))
	}
	// One list, in order already: its tails merged in.
	slices.SortFunc(tails, func(a, b piece) int { return cmp.Compare(a.cost, b.cost) })
	merged := make([]piece, 0, len(out)+len(tails))
	for len(out) > 0 || len(tails) > 0 {
		var p piece
		if len(tails) == 0 || len(out) > 0 && out[0].cost <= tails[0].cost {
			p, out = out[0], out[1:]
		} else {
			p, tails = tails[0], tails[1:]
		}
		if n := len(merged); n > 0 && merged[n-1].cost == p.cost {
			merged[n-1].capacity += p.capacity
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// mergePieces sorts pieces by cost, cheapest first, and merges those of
// the same cost into one with their rooms added up.
func mergePieces(list []piece) []piece {
	slices.SortFunc(list, func(a, b piece) int { return cmp.Compare(a.cost, b.cost) })
	out := list[:0]
	for _, p := range list {
		if n := len(out); n > 0 && out[n-1].cost == p.cost {
			out[n-1].capacity += p.capacity
			continue
		}
		out = append(out, p)
	}
	return out
}
