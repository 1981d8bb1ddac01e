package format

import (
	"math"
	"strconv"
)

// Percent writes a share as a percentage with at most one decimal: 0.495
// as "49.5%", 0.5 as "50%".
func Percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64) + "%"
}
