// Package floor serves the live floor of a session over HTTP, for
// runofshow -serve: a timekeeper's page that records who has the floor, a
// moderator's page with the countdown, who is next and the shares against
// the plan, and a projector's page with a large countdown. Every page
// follows the same state by server-sent events.
//
// Only the timekeeper changes anything: every request that does needs the
// token the server was opened with, which is in the URL the timekeeper
// opens; without it the answer is 403. Every event is appended to the
// speaking log on disk and synced before it is acknowledged (see package
// balance/live), so a server killed and opened again on the same log
// resumes where it was.
package floor
