// Package format writes the numbers, and the articles of the nouns, that
// balance, balance/render and balance/balancetest show, so that a share
// reads the same in a finding, a report and a test's failure.
package format
