// Command pulumi-resource-kubernetes serves the Pulumi Kubernetes provider of the pinned provider module.
//
// Upstream's main embeds schema-embed.json and terraform-mapping-embed.json, which its release build generates
// and which are therefore not in the published module. scripts/engine-tools copies the module's schema.json and
// terraform-mapping.json next to this file before building; the schema gets the provider's version here, as
// upstream's generator does at release time.
package main

import (
	_ "embed"
	"encoding/json"
	"log"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema.json
var schema []byte

//go:embed terraform-mapping.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, versioned(schema, version.Version), terraformMapping)
}

// versioned returns the schema with its top-level "version" set; other members are kept as they are.
func versioned(spec []byte, v string) []byte {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(spec, &members); err != nil {
		log.Fatalf("embedded provider schema: %v", err)
	}
	quoted, err := json.Marshal(v)
	if err != nil {
		log.Fatalf("provider version %q: %v", v, err)
	}
	members["version"] = quoted
	out, err := json.Marshal(members)
	if err != nil {
		log.Fatalf("embedded provider schema: %v", err)
	}
	return out
}
