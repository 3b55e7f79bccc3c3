// Command openstack-schema prints, as JSON, the schema of the Terraform OpenStack provider that pulumi-openstack
// bridges: the provider's configuration, every resource and every data source, each attribute with its type, its
// required/optional/computed flags, whether a change forces replacement, its default and whether it is sensitive.
// The provider is loaded in-process; nothing talks to a cloud. edxstack's tests check the hand-written Pulumi
// bindings against this output, mapped with the bridge's naming rules.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	"github.com/terraform-provider-openstack/terraform-provider-openstack/v3/openstack"
)

const providerModule = "github.com/terraform-provider-openstack/terraform-provider-openstack/v3"

type attribute struct {
	Type        string                `json:"type"`
	Required    bool                  `json:"required,omitempty"`
	Optional    bool                  `json:"optional,omitempty"`
	Computed    bool                  `json:"computed,omitempty"`
	ForceNew    bool                  `json:"forceNew,omitempty"`
	Sensitive   bool                  `json:"sensitive,omitempty"`
	Deprecated  string                `json:"deprecated,omitempty"`
	Default     any                   `json:"default,omitempty"`
	DefaultFunc bool                  `json:"defaultFunc,omitempty"`
	MaxItems    int                   `json:"maxItems,omitempty"`
	MinItems    int                   `json:"minItems,omitempty"`
	Elem        *attribute            `json:"elem,omitempty"`
	Block       map[string]*attribute `json:"block,omitempty"`
}

type resource struct {
	SchemaVersion int                   `json:"schemaVersion"`
	Deprecated    string                `json:"deprecated,omitempty"`
	Attributes    map[string]*attribute `json:"attributes"`
}

type output struct {
	Module      string                `json:"module"`
	Version     string                `json:"version"`
	Provider    map[string]*attribute `json:"provider"`
	Resources   map[string]resource   `json:"resources"`
	DataSources map[string]resource   `json:"dataSources"`
}

func main() {
	// Environment defaults (OS_REGION_NAME, OS_MAGNUM_IMAGE, ...) are evaluated with no environment at all, so the
	// output depends on the provider's code only, never on the machine that runs this.
	os.Clearenv()
	p := openstack.Provider()
	if err := p.InternalValidate(); err != nil {
		fail(fmt.Errorf("the provider's schema does not validate: %w", err))
	}
	out := output{
		Module:      providerModule,
		Version:     moduleVersion(),
		Provider:    attributes(p.Schema),
		Resources:   resources(p.ResourcesMap),
		DataSources: resources(p.DataSourcesMap),
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fail(err)
	}
}

func resources(m map[string]*schema.Resource) map[string]resource {
	out := make(map[string]resource, len(m))
	for name, r := range m {
		out[name] = resource{SchemaVersion: r.SchemaVersion, Deprecated: r.DeprecationMessage, Attributes: attributes(r.Schema)}
	}
	return out
}

func attributes(m map[string]*schema.Schema) map[string]*attribute {
	out := make(map[string]*attribute, len(m))
	for name, s := range m {
		out[name] = describe(s)
	}
	return out
}

func describe(s *schema.Schema) *attribute {
	a := &attribute{
		Type:       typeName(s.Type),
		Required:   s.Required,
		Optional:   s.Optional,
		Computed:   s.Computed,
		ForceNew:   s.ForceNew,
		Sensitive:  s.Sensitive,
		Deprecated: s.Deprecated,
		Default:    s.Default,
		MaxItems:   s.MaxItems,
		MinItems:   s.MinItems,
	}
	if s.DefaultFunc != nil {
		a.DefaultFunc = true
		if v, err := s.DefaultFunc(); err == nil && v != nil {
			a.Default = v
		}
	}
	switch elem := s.Elem.(type) {
	case *schema.Schema:
		a.Elem = describe(elem)
	case *schema.Resource:
		a.Block = attributes(elem.Schema)
	}
	return a
}

func typeName(t schema.ValueType) string {
	switch t {
	case schema.TypeBool:
		return "bool"
	case schema.TypeInt:
		return "int"
	case schema.TypeFloat:
		return "float"
	case schema.TypeString:
		return "string"
	case schema.TypeList:
		return "list"
	case schema.TypeMap:
		return "map"
	case schema.TypeSet:
		return "set"
	}
	fail(fmt.Errorf("unknown Terraform value type %v", t))
	return ""
}

// moduleVersion is the provider module's version as the build recorded it, so the output names what was compiled.
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		fail(fmt.Errorf("no build information in the binary"))
	}
	for _, dep := range info.Deps {
		if dep.Path == providerModule {
			return dep.Version
		}
	}
	fail(fmt.Errorf("%s is not among the binary's dependencies", providerModule))
	return ""
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "openstack-schema:", err)
	os.Exit(1)
}
