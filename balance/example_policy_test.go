package balance_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/fairfloor/fairfloor/balance"
)

// A policy reads from JSON, as an organizer's configuration file or a CI
// job carries it: the promise of an IGF hybrid session. A value Allocate
// would refuse is an error naming where it is.
func ExampleDecodePolicy() {
	p, err := balance.DecodePolicy(strings.NewReader(`{
		"dimensions": [{"by": "mode", "hard": true}, {"by": "stakeholder"}, {"by": "region"}],
		"intro": "1 minute",
		"online_handover": "30s"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range p.Dimensions {
		fmt.Printf("%s hard=%v\n", d.Name(), d.Hard)
	}
	fmt.Println("intro", p.Intro, "online hand-over", p.OnlineHandover)
	out, err := json.Marshal(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))

	_, err = balance.DecodePolicy(strings.NewReader(`{"dimensions": [{"by": "mode", "hard": true, "tolerance": 5}]}`))
	fmt.Println(err)
	_, err = balance.DecodePolicy(strings.NewReader(`{"dimensions": [{"by": "mode"}], "online_hand_over": "30s"}`))
	fmt.Println(err)
	// Output:
	// mode hard=true
	// stakeholder hard=false
	// region hard=false
	// intro 1m0s online hand-over 30s
	// {"dimensions":[{"by":"mode","hard":true},{"by":"stakeholder"},{"by":"region"}],"intro":"1m","online_handover":"30s"}
	// balance: policy dimensions[0].tolerance "5": must be between 0 and 1
	// agenda: decoding online_hand_over: unknown field (known: audience, deviation, dimensions, fairness, first, handover, intro, last, max, min, min_turn, online_handover, people, speaking, spread, step)
}
