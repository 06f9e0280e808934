//go:build race

package timeline

// raceEnabled is true under the race detector, which makes the long
// equivalence tests ten times slower: they then try fewer cases.
const raceEnabled = true
