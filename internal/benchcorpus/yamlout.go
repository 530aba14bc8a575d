package benchcorpus

import (
	"strconv"
	"strings"
)

// ys writes s as a YAML scalar: plain where that reads the same in block and flow
// context under YAML 1.1 and 1.2 (so every parser agrees it is this string), else
// double-quoted.
func ys(s string) string {
	if plainOK(s) {
		return s
	}
	return strconv.Quote(s)
}

func plainOK(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`.+~") {
		return false
	}
	if strings.ContainsAny(s, ":#,[]{}\"\\\n\r\t") {
		return false
	}
	// Numbers, dates, times: anything starting with a digit that is one word.
	if s[0] >= '0' && s[0] <= '9' && !strings.Contains(s, " ") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return false
	}
	return true
}

// ylist writes a flow sequence of scalars: [a, b, "c, d"].
func ylist(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = ys(x)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// yblock writes text as a literal block scalar (|) indented by indent spaces.
func yblock(text, indent string) string {
	var b strings.Builder
	b.WriteString("|\n")
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if line != "" {
			b.WriteString(indent)
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Vocabularies the practitioner, school and reading-list records draw from. Regions,
// modalities and languages are the lists in vocab.go (modalities and languages are
// also used by the articles, so they never change).
var (
	credentialLevels = []string{"Registered", "Advanced", "Teacher"}
	bookLevels       = []string{"essential", "recommended", "further"}
	bookTopics       = []string{"head", "neck", "spine", "nervous-system", "cerebrospinal-fluid", "fascia", "physiology", "cst"}
)

func regionNames() []string {
	out := make([]string, len(regions))
	for i, r := range regions {
		out[i] = r.name
	}
	return out
}

// vocabularyYAML is written to DIR/vocabularies.yaml (and printed by -vocab) so a
// project can copy the lists into its site.yaml.
func vocabularyYAML() []byte {
	var b strings.Builder
	b.WriteString("# Vocabularies used by gencorpus (the same for every seed and size).\n")
	b.WriteString("# Practitioners: region (of each location), modalities, languages, level.\n")
	b.WriteString("# Reading lists: topics; book levels are essential, recommended, further.\n")
	b.WriteString("# Registration numbers are CST- and six digits (CST-000001, CST-000002, ...).\n")
	b.WriteString("regions: " + ylist(regionNames()) + "\n")
	b.WriteString("modalities: " + ylist(modalities) + "\n")
	b.WriteString("languages: " + ylist(languages) + "\n")
	b.WriteString("levels: " + ylist(credentialLevels) + "\n")
	b.WriteString("topics: " + ylist(bookTopics) + "\n")
	return []byte(b.String())
}
