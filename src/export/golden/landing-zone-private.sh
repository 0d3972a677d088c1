#!/usr/bin/env bash
# Deploys the AKS network design with the Azure CLI. Review, set the parameters, then run it.
set -euo pipefail

# Parameters: override any of them from the environment.
RESOURCE_GROUP="${RESOURCE_GROUP:-rg-aks-network}"
LOCATION="${LOCATION:-eastus}"
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

# Public IP pip-azfw
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-azfw' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static'

# Public IP pip-bastion
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-bastion' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static'

# Public IP pip-appgw
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pip-appgw' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static'

# Route table rt-spoke-to-fw
az network route-table create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'rt-spoke-to-fw' \
  --location "${LOCATION}" \
  --disable-bgp-route-propagation 'false'

az network route-table route create \
  --resource-group "${RESOURCE_GROUP}" \
  --route-table-name "${NAME_PREFIX}"'rt-spoke-to-fw' \
  --name 'default-to-firewall' \
  --address-prefix '0.0.0.0/0' \
  --next-hop-type 'VirtualAppliance' \
  --next-hop-ip-address '10.0.1.4'

# VNet vnet-hub
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-hub' \
  --location "${LOCATION}" \
  --address-prefixes '10.0.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --name 'GatewaySubnet' \
  --address-prefixes '10.0.0.0/27'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --name 'AzureFirewallSubnet' \
  --address-prefixes '10.0.1.0/26'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --name 'AzureBastionSubnet' \
  --address-prefixes '10.0.2.0/26'

# VNet vnet-spoke
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-spoke' \
  --location "${LOCATION}" \
  --address-prefixes '10.1.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'aksSubnet' \
  --address-prefixes '10.1.1.0/24' \
  --route-table "${NAME_PREFIX}"'rt-spoke-to-fw'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'appgwSubnet' \
  --address-prefixes '10.1.2.0/24'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'servicespe' \
  --address-prefixes '10.1.4.0/24'

# Peering hub-to-spoke: vnet-hub <-> vnet-spoke
az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'hub-to-spoke' \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --remote-vnet "${NAME_PREFIX}"'vnet-spoke' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'true' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'hub-to-spoke-return' \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --remote-vnet "${NAME_PREFIX}"'vnet-hub' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'true' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

# Azure Firewall azfw-hub: its policy, rules, then the firewall
az network firewall policy create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'azfw-hub-policy' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --enable-dns-proxy 'true'

# AKS egress rules for aks-lza-private (nodes in 10.1.1.0/24)
az network firewall policy rule-collection-group create \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'azfw-hub-policy' \
  --name 'aks-lza-private-egress' \
  --priority '200'

# time synchronisation on Linux nodes (nodes provisioned before March 2021)
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'azfw-hub-policy' \
  --rcg-name 'aks-lza-private-egress' \
  --name 'network' \
  --collection-priority '100' \
  --action 'Allow' \
  --rule-type 'NetworkRule' \
  --rule-name 'time' \
  --ip-protocols 'UDP' \
  --source-addresses '10.1.1.0/24' \
  --destination-ports '123' \
  --destination-fqdns 'ntp.ubuntu.com'

# images, Azure APIs, Entra ID, packages and Kubernetes binaries
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'azfw-hub-policy' \
  --rcg-name 'aks-lza-private-egress' \
  --name 'application' \
  --collection-priority '200' \
  --action 'Allow' \
  --rule-type 'ApplicationRule' \
  --rule-name 'aks-required' \
  --protocols 'Https=443' \
  --source-addresses '10.1.1.0/24' \
  --target-fqdns 'mcr.microsoft.com' '*.data.mcr.microsoft.com' 'mcr-0001.mcr-msedge.net' 'management.azure.com' 'login.microsoftonline.com' 'packages.microsoft.com' 'acs-mirror.azureedge.net' 'packages.aks.azure.com'

# Linux node security patches (recommended)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'azfw-hub-policy' \
  --rcg-name 'aks-lza-private-egress' \
  --collection-name 'application' \
  --rule-type 'ApplicationRule' \
  --name 'ubuntu-updates' \
  --protocols 'Http=80' \
  --source-addresses '10.1.1.0/24' \
  --target-fqdns 'security.ubuntu.com' 'azure.archive.ubuntu.com' 'changelogs.ubuntu.com'

# Linux node security patches from the Ubuntu snapshot service (recommended)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'azfw-hub-policy' \
  --rcg-name 'aks-lza-private-egress' \
  --collection-name 'application' \
  --rule-type 'ApplicationRule' \
  --name 'ubuntu-snapshots' \
  --protocols 'Https=443' \
  --source-addresses '10.1.1.0/24' \
  --target-fqdns 'snapshot.ubuntu.com'

# Azure Firewall azfw-hub, managed by its policy
az network firewall create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'azfw-hub' \
  --location "${LOCATION}" \
  --sku 'AZFW_VNet' \
  --tier 'Standard' \
  --firewall-policy "${NAME_PREFIX}"'azfw-hub-policy' \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --conf-name 'ipconfig1' \
  --public-ip "${NAME_PREFIX}"'pip-azfw'

# WAF policy of appgw-lza
az network application-gateway waf-policy create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'appgw-lza-waf' \
  --location "${LOCATION}" \
  --type 'Microsoft_DefaultRuleSet' \
  --version '2.1'

az network application-gateway waf-policy policy-setting update \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'appgw-lza-waf' \
  --state 'Enabled' \
  --mode 'Prevention'

# Application Gateway appgw-lza
az network application-gateway create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'appgw-lza' \
  --location "${LOCATION}" \
  --sku 'WAF_v2' \
  --min-capacity '2' \
  --max-capacity '10' \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --subnet 'appgwSubnet' \
  --priority '100' \
  --waf-policy "${NAME_PREFIX}"'appgw-lza-waf' \
  --public-ip-address "${NAME_PREFIX}"'pip-appgw'

# Bastion bastion-hub
az network bastion create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'bastion-hub' \
  --location "${LOCATION}" \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --public-ip-address "${NAME_PREFIX}"'pip-bastion' \
  --sku 'Standard'

# Private endpoint pe-keyvault to kv-lza
az network private-endpoint create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pe-keyvault' \
  --location "${LOCATION}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --subnet 'servicespe' \
  --private-connection-resource-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.KeyVault/vaults/kv-lza' \
  --group-id 'vault' \
  --connection-name 'pe-keyvault-connection'

# Private endpoint pe-acr to acrlza
az network private-endpoint create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'pe-acr' \
  --location "${LOCATION}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --subnet 'servicespe' \
  --private-connection-resource-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.ContainerRegistry/registries/acrlza' \
  --group-id 'registry' \
  --connection-name 'pe-acr-connection'

# AKS cluster aks-lza-private (azure-cni-node-subnet)
az aks create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-lza-private' \
  --location "${LOCATION}" \
  --network-plugin 'azure' \
  --network-policy 'azure' \
  --service-cidr '172.16.0.0/16' \
  --dns-service-ip '172.16.0.10' \
  --outbound-type 'loadBalancer' \
  --enable-private-cluster \
  --private-dns-zone 'system' \
  --nodepool-name 'system' \
  --node-vm-size 'Standard_D4ds_v5' \
  --node-count '3' \
  --enable-cluster-autoscaler \
  --min-count '3' \
  --max-count '5' \
  --max-pods '30' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'vnet-spoke/subnets/aksSubnet' \
  --zones '1' '2' '3' \
  --enable-addons 'ingress-appgw' \
  --appgw-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/applicationGateways/'"${NAME_PREFIX}"'appgw-lza' \
  --enable-managed-identity \
  --generate-ssh-keys
