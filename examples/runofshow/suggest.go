package main

import (
	"strings"
)

// suggest returns the one of names that the user most likely meant by
// got, or "" if none is close: a name that holds got, or got within a few
// edits of a name. A name that holds got is preferred, since a seed is
// often asked for by one of its words ("panel").
func suggest(got string, names []string) string {
	got = strings.ToLower(strings.TrimSpace(got))
	if got == "" {
		return ""
	}
	var holding []string
	for _, n := range names {
		if strings.Contains(n, got) {
			holding = append(holding, n)
		}
	}
	if len(holding) == 1 {
		return holding[0]
	}
	best, bestDist := "", len(got)/3+1 // at most a third of the letters wrong
	for _, n := range names {
		if d := editDistance(got, n); d <= bestDist && (best == "" || d < bestDist) {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance returns the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
