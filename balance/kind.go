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
	lo, hi  int     // Σ bounds of the members
	clamped float64 // C_k = Σ c_i
	base    float64 // Σ w_i |c_i − f_i|, the cost at Y_k = C_k
	// cost is the cost of Y_k − C_k: its lowerings to the left of 0,
	// Points[:zero+1], dearest furthest, and its raises to the right, each
	// piece k of room caps[k], which the points' differences give only to
	// within rounding.
	cost lp.Convex
	caps []float64
	zero int
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
	var up, down []piece // a type's ways to raise Y_k above C_k and to lower it, cheapest first
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
		up, down = mg.merge(up, ups), mg.merge(down, downs)
		t.convex(up, down)
	}
	return ks
}

// convex sets the type's cost as a function of Y_k − C_k from the ways
// up and down to raise and lower it.
func (t *kind) convex(up, down []piece) {
	n := len(down) + len(up)
	store := make([]float64, 3*n+1)
	pts, slopes, caps := store[:0:n+1], store[n+1:n+1:2*n+1], store[2*n+1:2*n+1]
	at := 0.0
	for i := len(down) - 1; i >= 0; i-- {
		at -= down[i].capacity
	}
	pts = append(pts, at)
	for i := len(down) - 1; i >= 0; i-- {
		at += down[i].capacity
		pts, slopes, caps = append(pts, at), append(slopes, -down[i].cost), append(caps, down[i].capacity)
	}
	pts[len(pts)-1], at = 0, 0 // exactly, whatever the rounding of the sum
	for _, p := range up {
		at += p.capacity
		pts, slopes, caps = append(pts, at), append(slopes, p.cost), append(caps, p.capacity)
	}
	t.cost, t.caps, t.zero = lp.Convex{Points: pts, Slopes: slopes}, caps, len(down)
}

// groupRow is one (dimension, group) row of the programme.
type groupRow struct {
	dim    int
	group  string
	target float64 // t_g
	count  int     // speakers in the group
}

// groupRows returns the groups of every dimension, with their targets,
// tallied over the types ks, or over the speakers one by one when ks is
// nil: a report has no types, and an allocation has far fewer types than
// speakers.
func (pr *problem) groupRows(ks []kind) []groupRow {
	if pr.past != nil {
		return pr.past.rows
	}
	var rows []groupRow
	type tally struct {
		count        int
		share, extra float64 // Σ of the members' attainable shares α_i, and of their shares beyond 1
	}
	// A unit is a speaker, or a type of count speakers whose shares add up
	// to share.
	type unit struct {
		groups []string
		count  int
		share  float64
	}
	var units []unit
	if ks == nil {
		units = make([]unit, len(pr.speakers))
		for i := range pr.speakers {
			units[i] = unit{pr.speakers[i].groups, 1, pr.speakers[i].attainable}
		}
	} else {
		units = make([]unit, len(ks))
		for k := range ks {
			u := unit{groups: ks[k].groups, count: len(ks[k].members)}
			for _, i := range ks[k].members {
				u.share += pr.speakers[i].attainable
			}
			units[k] = u
		}
	}
	for d, dim := range pr.dims {
		index := map[string]int{} // group → its tally
		var tallies []tally
		known, extra := 0.0, 0.0
		for _, u := range units {
			g := u.groups[d]
			if g == "" {
				continue
			}
			k, ok := index[g]
			if !ok {
				k = len(tallies)
				index[g] = k
				tallies = append(tallies, tally{})
			}
			tallies[k].count += u.count
			tallies[k].share += u.share
			tallies[k].extra += u.share - float64(u.count)
			known += u.share
			extra += u.share - float64(u.count)
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
