package timetable

// Cost is the objective of a timetable, term by term, as the package doc
// defines it: each term unweighted, and their weighted sum in Total.
type Cost struct {
	// Diversity is D, over region and stakeholder group: for each, the
	// mean, over the speakers of the programme in the sessions they speak
	// in, of the speakers of their own group in that slot, themselves
	// included. The fewer of one group in parallel, the lower it is.
	Diversity float64

	// Themes is Θ: the mean, over each theme of each session, of the
	// sessions of that theme on the session's day, itself included.
	Themes float64

	Overflow int     // people over the capacity of their session's room, summed over sessions
	Worst    int     // the most people over a room's capacity in one session
	Hours    float64 // hours that online speakers speak outside their comfortable local hours
	Changes  int     // sessions placed elsewhere than in the published timetable

	Total float64 // the weighted sum
}

// Cost returns the objective of t under p, counted afresh from the
// package doc's definition. Unplaced sessions count in no term but
// Changes. The error is an *InputError for a problem or timetable that is
// not well formed.
func (p *Problem) Cost(t Timetable) (Cost, error) {
	m, err := compile(p)
	if err != nil {
		return Cost{}, err
	}
	if err := p.checkTimetable(t, "timetable"); err != nil {
		return Cost{}, err
	}
	return m.costOf(t), nil
}

// costOf counts the objective of t from scratch.
func (m *model) costOf(t Timetable) Cost {
	var c Cost
	type key struct{ slot, dim, group int }
	counts := map[key]int64{}
	type tkey struct{ theme, day int }
	themes := map[tkey]int64{}
	for i, pl := range t {
		if m.p.Published != nil && m.p.Published[i] != pl {
			c.Changes++
		}
		if !pl.Placed() {
			continue
		}
		for _, g := range m.groups[i] {
			counts[key{pl.Slot, int(g.dim), int(g.group)}] += int64(g.count)
		}
		for _, th := range m.themes[i] {
			themes[tkey{int(th), m.day[pl.Slot]}]++
		}
		o := int(m.ovf[i*m.R+pl.Room])
		c.Overflow += o
		c.Worst = max(c.Worst, o)
		c.Hours += float64(m.minutes[i*m.S+pl.Slot]) / 60
	}
	var sq [dims]int64
	for k, v := range counts {
		sq[k.dim] += v * v
	}
	for d := range dims {
		if m.total[d] > 0 {
			c.Diversity += float64(sq[d]) / float64(m.total[d])
		}
	}
	var tsq int64
	for _, v := range themes {
		tsq += v * v
	}
	if m.pairs > 0 {
		c.Themes = float64(tsq) / float64(m.pairs)
	}
	w := m.w
	c.Total = w.Diversity*c.Diversity + w.Themes*c.Themes + w.Overflow*float64(c.Overflow) + w.Worst*float64(c.Worst) +
		w.Hours*c.Hours + w.Changes*float64(c.Changes)
	return c
}

// slotDiversity returns the diversity of the speakers of each slot: the
// mean, over region and stakeholder group, of Simpson's index 1 − Σ p²,
// where p is each group's share of the slot's speakers who give one. It is
// 0 for a slot whose speakers all share a group and near 1 for one spread
// over many; -1 for a slot with no speaker who gives a group.
func (m *model) slotDiversity(t Timetable) []float64 {
	out := make([]float64, m.S)
	counts := make([][dims]map[int32]int64, m.S)
	for i, pl := range t {
		if !pl.Placed() {
			continue
		}
		for _, g := range m.groups[i] {
			if counts[pl.Slot][g.dim] == nil {
				counts[pl.Slot][g.dim] = map[int32]int64{}
			}
			counts[pl.Slot][g.dim][g.group] += int64(g.count)
		}
	}
	for s := range m.S {
		sum, k := 0.0, 0
		for d := range dims {
			var n, sq int64
			for _, v := range counts[s][d] {
				n += v
				sq += v * v
			}
			if n > 0 {
				sum += 1 - float64(sq)/float64(n*n)
				k++
			}
		}
		out[s] = -1
		if k > 0 {
			out[s] = sum / float64(k)
		}
	}
	return out
}
