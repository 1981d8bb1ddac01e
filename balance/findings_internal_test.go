package balance

import "testing"

// TestFindingWords: the words of the findings and reasons about a group,
// for one speaker and for several, in every kind of dimension.
func TestFindingWords(t *testing.T) {
	region, gender := Dimension{By: ByRegion}, Dimension{By: ByGender}
	tests := []struct {
		name, got, want string
	}{
		{"a region, one", groupPhrase(region, "GRULAC", false), "GRULAC speaker"},
		{"a region, many", groupPhrase(region, "GRULAC", true), "GRULAC speakers"},
		{"women", groupPhrase(gender, "woman", true), "women"},
		{"a man", groupPhrase(gender, "man", false), "man"},
		{"another gender, many", groupPhrase(gender, "non-binary", true), "non-binary speakers"},
		{"another gender, one", groupPhrase(gender, "non-binary", false), "non-binary speaker"},
		{"a label", groupPhrase(Dimension{By: ByLabel, Label: "age"}, "youth", true), "age youth"},

		{"a group of several", groupHas(region, Group{Group: "WEOG", Speakers: 4, Share: 0.644}, " of speaking time", "an equal share of 50%"),
			"WEOG speakers have 64.4% of speaking time against an equal share of 50%"},
		{"a group of one", groupHas(region, Group{Group: "GRULAC", Speakers: 1, Share: 0.181}, " of speaking time", "an equal share of 33.3%"),
			"the only GRULAC speaker has 18.1% of speaking time against an equal share of 33.3%"},
		{"a group of none", groupHas(region, Group{Group: "GRULAC", Target: 0.2}, " of speaking time", "a target of 20%"),
			"no GRULAC speaker, against a target of 20%"},

		{"equal", targetPhrase(region, 0.25, 4), "an equal share of 25%"},
		{"equal, with a keynote's double share", targetPhrase(region, 0.375, 4), "a target of 37.5%"},
		{"by headcount", targetPhrase(Dimension{By: ByMode}, 0.6, 2), "a share by headcount of 60%"},
		{"explicit", targetPhrase(Dimension{By: ByRegion, Target: targetExplicit}, 0.5, 2), "a target of 50%"},

		{"one speaker", theSpeakers(1), "the one speaker"},
		{"speakers", theSpeakers(3), "the 3 speakers"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
