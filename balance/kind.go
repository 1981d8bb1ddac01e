package balance

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/balance/internal/lp"
)

// kind is a type of speaker: the speakers with the same group in every
// dimension and the same speaking segments. Group times depend only on each
// type's total, so the programme has a variable per type, not per person.
type kind struct {
	key     string
	members []int // speaker indices, sorted by name
	segs    []int
	groups  []string
	lo, hi  int       // Σ bounds of the members
	clamped float64   // C_k = Σ c_i
	base    float64   // Σ w_i |c_i − f_i|, the cost at Y_k = C_k
	up      []piece   // ways to raise Y_k above C_k, cheapest first
	down    []piece   // ways to lower it
	cost    lp.Convex // the cost of Y_k − C_k, from down and up
}

// kinds prices the speakers (see [problem.price]) and sorts them into
// types, each with its members' pieces merged.
func (pr *problem) kinds() []kind {
	pr.price()
	hint := min(len(pr.speakers), 64) // types are few whatever the headcount
	index := make(map[string]int, hint)
	ks := make([]kind, 0, hint)
	var buf []byte
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		buf = buf[:0]
		for _, g := range sp.groups {
			buf = append(buf, g...)
			buf = append(buf, 0)
		}
		for _, k := range sp.segs {
			buf = strconv.AppendInt(buf, int64(k), 10)
			buf = append(buf, ',')
		}
		k, ok := index[string(buf)] // no allocation for a lookup
		if !ok {
			k = len(ks)
			key := string(buf)
			index[key] = k
			ks = append(ks, kind{key: key, segs: sp.segs, groups: sp.groups})
		}
		ks[k].members = append(ks[k].members, i)
	}
	slices.SortFunc(ks, func(a, b kind) int { return strings.Compare(a.key, b.key) })
	var ups, downs []side // every type's in turn
	var mg merger
	for k := range ks {
		t := &ks[k]
		for _, i := range t.members {
			pr.speakers[i].kind = k
		}
		slices.SortFunc(t.members, func(a, b int) int { return strings.Compare(pr.speakers[a].person.Name, pr.speakers[b].person.Name) })
		ups, downs = slices.Grow(ups[:0], len(t.members))[:len(t.members)], slices.Grow(downs[:0], len(t.members))[:len(t.members)]
		for j, i := range t.members {
			sp, c := &pr.speakers[i], pr.cost(i)
			t.lo += sp.lo
			t.hi += sp.hi
			t.clamped += c.clamped
			t.base += c.base
			ups[j], downs[j] = c.up, c.down
		}
		t.up, t.down = mg.merge(ups), mg.merge(downs)
		t.cost = t.convex()
	}
	return ks
}

// convex returns the type's cost as a function of Y_k − C_k: its
// lowerings to the left of 0, dearest furthest, and its raises to the right.
func (t *kind) convex() lp.Convex {
	pts := make([]float64, 0, len(t.down)+len(t.up)+1)
	slopes := make([]float64, 0, len(t.down)+len(t.up))
	at := 0.0
	for i := len(t.down) - 1; i >= 0; i-- {
		at -= t.down[i].capacity
	}
	pts = append(pts, at)
	for i := len(t.down) - 1; i >= 0; i-- {
		at += t.down[i].capacity
		pts, slopes = append(pts, at), append(slopes, -t.down[i].cost)
	}
	pts[len(pts)-1], at = 0, 0 // exactly, whatever the rounding of the sum
	for _, p := range t.up {
		at += p.capacity
		pts, slopes = append(pts, at), append(slopes, p.cost)
	}
	return lp.Convex{Points: pts, Slopes: slopes}
}

// groupRow is one (dimension, group) row of the programme.
type groupRow struct {
	dim    int
	group  string
	target float64 // t_g
	count  int     // speakers in the group
}

// groupRows returns the groups of every dimension, with their targets.
func (pr *problem) groupRows() []groupRow {
	if pr.past != nil {
		return pr.past.rows
	}
	var rows []groupRow
	type tally struct {
		count        int
		share, extra float64 // Σ of the members' relative fair shares, and of their shares beyond 1
	}
	for d, dim := range pr.dims {
		index := map[string]int{} // group → its tally
		var tallies []tally
		known, extra := 0.0, 0.0
		for i := range pr.speakers {
			g := pr.speakers[i].groups[d]
			if g == "" {
				continue
			}
			k, ok := index[g]
			if !ok {
				k = len(tallies)
				index[g] = k
				tallies = append(tallies, tally{})
			}
			sh := pr.speakers[i].share
			tallies[k].count++
			tallies[k].share += sh
			tallies[k].extra += sh - 1
			known += sh
			extra += sh - 1
		}
		if known == 0 {
			continue
		}
		present := len(tallies)
		if dim.Target == targetExplicit {
			for g := range dim.Shares {
				if _, ok := index[g]; !ok {
					index[g] = len(tallies)
					tallies = append(tallies, tally{})
				}
			}
		}
		for _, g := range slices.Sorted(maps.Keys(index)) {
			t := tallies[index[g]]
			r := groupRow{dim: d, group: g, count: t.count}
			switch dim.target() {
			case targetEqual:
				// Each group present has an equal part of the speakers'
				// ordinary shares, and a speaker's share beyond 1 (a
				// keynote's) goes to their own group, so that a keynote's
				// fair share does not count against their groups.
				r.target = (float64(known-extra)/float64(present) + t.extra) / known
			case targetHeadcount:
				r.target = t.share / known
			case targetExplicit:
				r.target = dim.Shares[g]
			}
			rows = append(rows, r)
		}
	}
	return rows
}
