package balance

import "github.com/fairfloor/fairfloor/balance/internal/penalty"

// Exported for the tests of package balance_test: the defaults of the zero
// Policy and the names of the built-in presets.
const (
	DefaultStep          = defaultStep
	DefaultFairness      = defaultFairness
	DefaultSpread        = defaultSpread
	PresetIGF2023Minimum = presetIGF2023Minimum
	PresetIGFDiversity   = presetIGFDiversity
	PresetIGFRapporteur  = presetIGFRapporteur
	MaxFrequent          = maxFrequent
	PenaltyMode          = penalty.Mode
	PenaltyRegion        = penalty.Region
	PenaltyStakeholder   = penalty.Stakeholder
)

// ForumDimensions are the dimensions of a Forum.
func ForumDimensions() []Dimension { return forumDimensions() }
