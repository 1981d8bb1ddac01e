package floor

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

//go:embed assets/page.html
var pageHTML string

//go:embed assets/static
var assets embed.FS

// static serves assets/static under /static/.
var static = func() fs.FS {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree always has it
	}
	return sub
}()

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// pageData is what the page template fills in.
type pageData struct {
	View     string // index, timekeeper, moderator or projector
	Title    string
	Token    string   // the timekeeper's, on the timekeeper's page only
	Speakers []person // the timekeeper's buttons
}

// page serves one view. The timekeeper's needs the token in its URL, and
// is refused with 403 without it.
func (srv *Server) page(view string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		d := pageData{View: view, Title: srv.doc.Session().Title}
		if view == "timekeeper" {
			if !srv.authorized(r.URL.Query().Get("token")) {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusForbidden)
				w.Write([]byte("403: the timekeeper's page needs the token the server printed when it started\n"))
				return
			}
			d.Token = srv.token
			d.Speakers = speakersOf(srv.doc)
		}
		if !srv.doc.Session().Named() || srv.doc.Redact {
			d.Title = "Session"
		}
		var b bytes.Buffer
		if err := pageTemplate.Execute(&b, d); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(b.Bytes())
	}
}
