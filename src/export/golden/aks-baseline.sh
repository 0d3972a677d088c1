#!/usr/bin/env bash
# Deploys the AKS network design with the Azure CLI. Review, set the parameters, then run it.
set -euo pipefail

# Parameters: override any of them from the environment.
RESOURCE_GROUP="${RESOURCE_GROUP:-rg-aks-network}"
LOCATION="${LOCATION:-eastus2}"
NAME_PREFIX="${NAME_PREFIX:-}"
rg_pattern='^[-A-Za-z0-9._()]{0,89}[-A-Za-z0-9_()]$'
if [[ ! "${RESOURCE_GROUP}" =~ ${rg_pattern} ]]; then
  echo 'RESOURCE_GROUP: 1 to 90 letters, digits, _ - . ( ), not ending in a period' >&2
  exit 2
fi
prefix_pattern='^[-A-Za-z0-9]{0,20}$'
if [[ ! "${NAME_PREFIX}" =~ ${prefix_pattern} ]]; then
  echo 'NAME_PREFIX: up to 20 letters, digits and hyphens' >&2
  exit 2
fi
SUBSCRIPTION_ID="${SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"

# Azure CLI 2.75.0 or later (the azure-firewall extension needs it), checked before anything is created
AZ_VERSION="$(az version \
  --query '"azure-cli"' \
  --output 'tsv')"
if ! printf '%s\n' '2.75.0' "${AZ_VERSION}" | sort -V -C; then
  echo "Azure CLI ${AZ_VERSION} found; this script needs 2.75.0 or later (az upgrade)" >&2
  exit 2
fi

# azure-firewall extension, installed up front so no prompt stops the script
az extension add \
  --name 'azure-firewall' \
  --upgrade \
  --yes

# bastion extension, installed up front so no prompt stops the script
az extension add \
  --name 'bastion' \
  --upgrade \
  --yes

# Resource group
az group create \
  --name "${RESOURCE_GROUP}" \
  --location "${LOCATION}"

# Public IP pip-fw-eastus2-00
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-fw-eastus2-00' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static' \
  --zone '1' '2' '3'

# Public IP pip-fw-eastus2-01
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-fw-eastus2-01' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static' \
  --zone '1' '2' '3'

# Public IP pip-fw-eastus2-02
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-fw-eastus2-02' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static' \
  --zone '1' '2' '3'

# Public IP pip-BU0001A0008-00
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-BU0001A0008-00' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static' \
  --zone '1' '2' '3'

# Public IP pip-ab-eastus2
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-ab-eastus2' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static' \
  --zone '1' '2' '3'

# NSG nsg-vnet-spoke-BU0001A0008-00-nodepools
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-nodepools' \
  --location "${LOCATION}"

# NSG nsg-vnet-spoke-BU0001A0008-00-aksilbs
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-aksilbs' \
  --location "${LOCATION}"

# NSG nsg-vnet-spoke-BU0001A0008-00-privatelinkendpoints
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-privatelinkendpoints' \
  --location "${LOCATION}"

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-privatelinkendpoints' \
  --name 'AllowAll443InFromVnet' \
  --priority '100' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '443'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-privatelinkendpoints' \
  --name 'DenyAllInbound' \
  --priority '1000' \
  --direction 'Inbound' \
  --access 'Deny' \
  --protocol '*' \
  --source-address-prefixes '*' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '*'

# NSG nsg-vnet-spoke-BU0001A0008-00-appgw
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-appgw' \
  --location "${LOCATION}"

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-appgw' \
  --name 'AllowHttpsFromInternet' \
  --priority '100' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'Internet' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '443'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-appgw' \
  --name 'AllowControlPlane' \
  --priority '110' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'GatewayManager' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '65200-65535'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-appgw' \
  --name 'AllowHealthProbes' \
  --priority '120' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes 'AzureLoadBalancer' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '*'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-appgw' \
  --name 'DenyAllInbound' \
  --priority '1000' \
  --direction 'Inbound' \
  --access 'Deny' \
  --protocol '*' \
  --source-address-prefixes '*' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '*'

# NSG nsg-eastus2-bastion
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --location "${LOCATION}"

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowHttpsInbound' \
  --priority '100' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'Internet' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '443'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowSshOutbound' \
  --priority '100' \
  --direction 'Outbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes '*' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '22'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowRdpOutbound' \
  --priority '101' \
  --direction 'Outbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes '*' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '3389'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowGatewayManagerInbound' \
  --priority '110' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'GatewayManager' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '443'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowAzureCloudOutbound' \
  --priority '110' \
  --direction 'Outbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes '*' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'AzureCloud' \
  --destination-port-ranges '443'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowAzureLoadBalancerInbound' \
  --priority '120' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'AzureLoadBalancer' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '443'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowBastionCommunication8080' \
  --priority '120' \
  --direction 'Outbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '8080'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowBastionCommunication5701' \
  --priority '121' \
  --direction 'Outbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '5701'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowBastionHostCommunication8080' \
  --priority '130' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '8080'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowHttpOutbound' \
  --priority '130' \
  --direction 'Outbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes '*' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'Internet' \
  --destination-port-ranges '80'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'nsg-eastus2-bastion' \
  --name 'AllowBastionHostCommunication5701' \
  --priority '131' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes 'VirtualNetwork' \
  --source-port-ranges '*' \
  --destination-address-prefixes 'VirtualNetwork' \
  --destination-port-ranges '5701'

# NSG nsg-vnet-spoke-BU0001A0008-00-privatecluster
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-privatecluster' \
  --location "${LOCATION}"

# Route table route-to-eastus2-hub-fw
az network route-table create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'route-to-eastus2-hub-fw' \
  --location "${LOCATION}" \
  --disable-bgp-route-propagation 'false'

az network route-table route create \
  --resource-group "${RESOURCE_GROUP}" \
  --route-table-name "${NAME_PREFIX}"'route-to-eastus2-hub-fw' \
  --name 'r-nexthop-to-fw' \
  --address-prefix '0.0.0.0/0' \
  --next-hop-type 'VirtualAppliance' \
  --next-hop-ip-address '10.200.0.4'

# VNet vnet-eastus2-hub
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --location "${LOCATION}" \
  --address-prefixes '10.200.0.0/24'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --name 'AzureFirewallSubnet' \
  --address-prefixes '10.200.0.0/26'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --name 'GatewaySubnet' \
  --address-prefixes '10.200.0.64/27'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --name 'AzureBastionSubnet' \
  --address-prefixes '10.200.0.128/26' \
  --network-security-group "${NAME_PREFIX}"'nsg-eastus2-bastion'

# VNet vnet-spoke-BU0001A0008-00
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --location "${LOCATION}" \
  --address-prefixes '10.240.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --name 'snet-clusternodes' \
  --address-prefixes '10.240.0.0/22' \
  --network-security-group "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-nodepools' \
  --route-table "${NAME_PREFIX}"'route-to-eastus2-hub-fw'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --name 'snet-clusteringressservices' \
  --address-prefixes '10.240.4.0/28' \
  --network-security-group "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-aksilbs' \
  --route-table "${NAME_PREFIX}"'route-to-eastus2-hub-fw'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --name 'snet-privatecluster' \
  --address-prefixes '10.240.7.0/28' \
  --network-security-group "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-privatecluster' \
  --route-table "${NAME_PREFIX}"'route-to-eastus2-hub-fw' \
  --delegations 'Microsoft.ContainerService/managedClusters'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --name 'snet-privatelinkendpoints' \
  --address-prefixes '10.240.4.32/28' \
  --network-security-group "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-privatelinkendpoints' \
  --private-endpoint-network-policies 'Disabled'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --name 'snet-applicationgateway' \
  --address-prefixes '10.240.5.0/24' \
  --network-security-group "${NAME_PREFIX}"'nsg-vnet-spoke-BU0001A0008-00-appgw'

# Peering spoke-to-hub: vnet-spoke-BU0001A0008-00 <-> vnet-eastus2-hub
az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'spoke-to-hub' \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --remote-vnet "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'false' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'spoke-to-hub-return' \
  --vnet-name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --remote-vnet "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'false' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

# Azure Firewall fw-eastus2: its policy, rules, then the firewall
az network firewall policy create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'fw-eastus2-policy' \
  --location "${LOCATION}" \
  --sku 'Premium' \
  --enable-dns-proxy 'true'

# AKS egress rules for aks-BU0001A0008 (nodes in 10.240.0.0/22)
az network firewall policy rule-collection-group create \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'fw-eastus2-policy' \
  --name 'aks-BU0001A0008-egress' \
  --priority '200'

# time synchronisation on Linux nodes (nodes provisioned before March 2021)
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'fw-eastus2-policy' \
  --rcg-name 'aks-BU0001A0008-egress' \
  --name 'network' \
  --collection-priority '100' \
  --action 'Allow' \
  --rule-type 'NetworkRule' \
  --rule-name 'time' \
  --ip-protocols 'UDP' \
  --source-addresses '10.240.0.0/22' \
  --destination-ports '123' \
  --destination-fqdns 'ntp.ubuntu.com'

# images, Azure APIs, Entra ID, packages and Kubernetes binaries
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'fw-eastus2-policy' \
  --rcg-name 'aks-BU0001A0008-egress' \
  --name 'application' \
  --collection-priority '200' \
  --action 'Allow' \
  --rule-type 'ApplicationRule' \
  --rule-name 'aks-required' \
  --protocols 'Https=443' \
  --source-addresses '10.240.0.0/22' \
  --target-fqdns 'mcr.microsoft.com' '*.data.mcr.microsoft.com' 'mcr-0001.mcr-msedge.net' 'management.azure.com' 'login.microsoftonline.com' 'packages.microsoft.com' 'acs-mirror.azureedge.net' 'packages.aks.azure.com'

# Linux node security patches (recommended)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'fw-eastus2-policy' \
  --rcg-name 'aks-BU0001A0008-egress' \
  --collection-name 'application' \
  --rule-type 'ApplicationRule' \
  --name 'ubuntu-updates' \
  --protocols 'Http=80' \
  --source-addresses '10.240.0.0/22' \
  --target-fqdns 'security.ubuntu.com' 'azure.archive.ubuntu.com' 'changelogs.ubuntu.com'

# Linux node security patches from the Ubuntu snapshot service (recommended)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'fw-eastus2-policy' \
  --rcg-name 'aks-BU0001A0008-egress' \
  --collection-name 'application' \
  --rule-type 'ApplicationRule' \
  --name 'ubuntu-snapshots' \
  --protocols 'Https=443' \
  --source-addresses '10.240.0.0/22' \
  --target-fqdns 'snapshot.ubuntu.com'

# Azure Firewall fw-eastus2, managed by its policy
az network firewall create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'fw-eastus2' \
  --location "${LOCATION}" \
  --sku 'AZFW_VNet' \
  --tier 'Premium' \
  --firewall-policy "${NAME_PREFIX}"'fw-eastus2-policy' \
  --vnet-name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --conf-name 'ipconfig1' \
  --public-ip "${NAME_PREFIX}"'pip-fw-eastus2-00'

az network firewall ip-config create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'fw-eastus2' \
  --name 'ipconfig2' \
  --public-ip-address "${NAME_PREFIX}"'pip-fw-eastus2-01'

az network firewall ip-config create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'fw-eastus2' \
  --name 'ipconfig3' \
  --public-ip-address "${NAME_PREFIX}"'pip-fw-eastus2-02'

# WAF policy of apw-aks-BU0001A0008
az network application-gateway waf-policy create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'apw-aks-BU0001A0008-waf' \
  --location "${LOCATION}" \
  --type 'Microsoft_DefaultRuleSet' \
  --version '2.1'

az network application-gateway waf-policy policy-setting update \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'apw-aks-BU0001A0008-waf' \
  --state 'Enabled' \
  --mode 'Prevention'

# Application Gateway apw-aks-BU0001A0008
az network application-gateway create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'apw-aks-BU0001A0008' \
  --location "${LOCATION}" \
  --sku 'WAF_v2' \
  --min-capacity '0' \
  --max-capacity '10' \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --subnet 'snet-applicationgateway' \
  --priority '100' \
  --waf-policy "${NAME_PREFIX}"'apw-aks-BU0001A0008-waf' \
  --public-ip-address "${NAME_PREFIX}"'pip-BU0001A0008-00'

# Bastion ab-eastus2
az network bastion create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'ab-eastus2' \
  --location "${LOCATION}" \
  --vnet-name "${NAME_PREFIX}"'vnet-eastus2-hub' \
  --public-ip-address "${NAME_PREFIX}"'pip-ab-eastus2' \
  --sku 'Standard'

# Private endpoint pe-kv-aks-BU0001A0008 to kv-aks-BU0001A0008
az network private-endpoint create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pe-kv-aks-BU0001A0008' \
  --location "${LOCATION}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --subnet 'snet-privatelinkendpoints' \
  --private-connection-resource-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.KeyVault/vaults/kv-aks-BU0001A0008' \
  --group-id 'vault' \
  --connection-name 'pe-kv-aks-BU0001A0008-connection'

# Private endpoint pe-acraks to acraksBU0001A0008
az network private-endpoint create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pe-acraks' \
  --location "${LOCATION}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00' \
  --subnet 'snet-privatelinkendpoints' \
  --private-connection-resource-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.ContainerRegistry/registries/acraksBU0001A0008' \
  --group-id 'registry' \
  --connection-name 'pe-acraks-connection'

# AKS cluster aks-BU0001A0008 (azure-cni-overlay)
az aks create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-BU0001A0008' \
  --location "${LOCATION}" \
  --kubernetes-version '1.35.0' \
  --tier 'standard' \
  --network-plugin 'azure' \
  --network-plugin-mode 'overlay' \
  --network-policy 'azure' \
  --pod-cidr '192.168.0.0/16' \
  --service-cidr '172.16.0.0/16' \
  --dns-service-ip '172.16.0.10' \
  --outbound-type 'userDefinedRouting' \
  --enable-private-cluster \
  --enable-apiserver-vnet-integration \
  --apiserver-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00/subnets/snet-privatecluster' \
  --nodepool-name 'npsystem' \
  --node-vm-size 'Standard_D2d_v5' \
  --node-count '3' \
  --enable-cluster-autoscaler \
  --min-count '3' \
  --max-count '4' \
  --max-pods '30' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00/subnets/snet-clusternodes' \
  --zones '1' '2' '3' \
  --enable-managed-identity \
  --generate-ssh-keys

az aks nodepool update \
  --resource-group "${RESOURCE_GROUP}" \
  --cluster-name "${NAME_PREFIX}"'aks-BU0001A0008' \
  --name 'npsystem' \
  --max-surge '33%'

# Node pool npuser01
az aks nodepool add \
  --resource-group "${RESOURCE_GROUP}" \
  --cluster-name "${NAME_PREFIX}"'aks-BU0001A0008' \
  --name 'npuser01' \
  --node-vm-size 'Standard_D4d_v5' \
  --node-count '2' \
  --enable-cluster-autoscaler \
  --min-count '2' \
  --max-count '5' \
  --max-pods '30' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'vnet-spoke-BU0001A0008-00/subnets/snet-clusternodes' \
  --zones '1' '2' '3' \
  --mode 'User' \
  --os-type 'Linux' \
  --max-surge '33%'

# aks-BU0001A0008: its identity manages load balancer IPs and subnets in the resource group
AKS_1_PRINCIPAL_ID="$(az aks show \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-BU0001A0008' \
  --query 'identity.principalId' \
  --output 'tsv')"

az role assignment create \
  --assignee-object-id "${AKS_1_PRINCIPAL_ID}" \
  --assignee-principal-type 'ServicePrincipal' \
  --role 'Network Contributor' \
  --scope '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"

# Kubernetes manifests for aks-BU0001A0008
cat > 'manifests-1.yaml' <<'AKSNET_MANIFESTS'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: a0008
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: a0008
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-same-namespace
  namespace: a0008
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        - podSelector: {}
  egress:
    - to:
        - podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-private-endpoints
  namespace: a0008
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - ipBlock:
            cidr: 10.240.4.32/28
        - ipBlock:
            cidr: 10.240.4.32/28
      ports:
        - protocol: TCP
          port: 443
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-internet-egress
  namespace: a0008
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              - 10.0.0.0/8
              - 172.16.0.0/12
              - 192.168.0.0/16
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-traefik-ingress-ilb
  namespace: a0008
spec:
  podSelector:
    matchLabels:
      app: traefik-ingress-ilb
  policyTypes:
    - Ingress
  ingress:
    - from:
        - ipBlock:
            cidr: 10.240.0.0/16
        - ipBlock:
            cidr: 10.200.0.0/24
      ports:
        - protocol: TCP
          port: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: traefik-ingress-ilb
  namespace: a0008
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: snet-clusteringressservices
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.240.4.4
spec:
  type: LoadBalancer
  selector:
    app: traefik-ingress-ilb
  ports:
    - protocol: TCP
      port: 443
      targetPort: 8443
AKSNET_MANIFESTS
az aks command invoke \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-BU0001A0008' \
  --command 'kubectl apply -f manifests-1.yaml' \
  --file 'manifests-1.yaml'
