// Command pulumi-resource-openstack is a Pulumi provider bridged from terraform-provider-openstack by
// pulumi-terraform-bridge, mapping the resources edxstack binds to the tokens pulumi-openstack gives them. The proxy
// does not serve pulumi-openstack itself; this is the closest provider the end-to-end tests can build.
//
//	pulumi-resource-openstack tfgen schema --out DIR   writes the provider's Pulumi schema (schema.json) into DIR
//	pulumi-resource-openstack                           serves the provider, reading schema.json beside the binary
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfgen"
	shimv2 "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfshim/sdk-v2"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/terraform-provider-openstack/terraform-provider-openstack/v3/openstack"
)

// version is the pulumi-openstack release whose tokens this build reproduces; edxstack's bindings ask for it.
var version = "5.5.1"

// resources: each Terraform resource edxstack binds and its Pulumi token.
var resources = map[string]string{
	"openstack_containerinfra_clustertemplate_v1": "openstack:containerinfra/clusterTemplate:ClusterTemplate",
	"openstack_containerinfra_cluster_v1":         "openstack:containerinfra/cluster:Cluster",
	"openstack_identity_ec2_credential_v3":        "openstack:identity/ec2CredentialV3:Ec2CredentialV3",
	"openstack_objectstorage_container_v1":        "openstack:objectstorage/container:Container",
	"openstack_dns_recordset_v2":                  "openstack:dns/recordSet:RecordSet",
}

func provider() tfbridge.ProviderInfo {
	p := openstack.Provider()
	info := tfbridge.ProviderInfo{
		P:          shimv2.NewProvider(p),
		Name:       "openstack",
		Version:    version,
		GitHubOrg:  "terraform-provider-openstack",
		Repository: "https://github.com/pulumi/pulumi-openstack",
		Config: map[string]*tfbridge.SchemaInfo{
			"region": {Default: &tfbridge.DefaultInfo{EnvVars: []string{"OS_REGION_NAME"}}},
			"cloud":  {Default: &tfbridge.DefaultInfo{EnvVars: []string{"OS_CLOUD"}}},
		},
		Resources:   map[string]*tfbridge.ResourceInfo{},
		DataSources: map[string]*tfbridge.DataSourceInfo{},
	}
	for name, token := range resources {
		info.Resources[name] = &tfbridge.ResourceInfo{Tok: tokens.Type(token)}
	}
	// Everything else the Terraform provider offers is left unmapped on purpose.
	for name := range p.ResourcesMap {
		if _, ok := resources[name]; !ok {
			info.IgnoreMappings = append(info.IgnoreMappings, name)
		}
	}
	for name := range p.DataSourcesMap {
		info.IgnoreMappings = append(info.IgnoreMappings, name)
	}
	info.SetAutonaming(255, "-")
	return info
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "tfgen" {
		os.Args = append(os.Args[:1], os.Args[2:]...)
		tfgen.Main("openstack", version, provider())
		return
	}
	self, err := os.Executable()
	if err == nil {
		var schema []byte
		if schema, err = os.ReadFile(filepath.Join(filepath.Dir(self), "schema.json")); err == nil {
			tfbridge.Main("openstack", version, provider(), schema)
			return
		}
	}
	fmt.Fprintln(os.Stderr, "pulumi-resource-openstack: no schema.json beside the binary, perhaps run 'scripts/engine-tools build pulumi-resource-openstack':", err)
	os.Exit(1)
}
