#!/usr/bin/env bash
# Deploys the AKS network design with the Azure CLI. Review, set the parameters, then run it.
set -euo pipefail

# Parameters: override any of them from the environment.
RESOURCE_GROUP="${RESOURCE_GROUP:-rg-aks-network}"
LOCATION="${LOCATION:-westeurope}"
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

# Resource group
az group create \
  --name "${RESOURCE_GROUP}" \
  --location "${LOCATION}"

# VNet vnet-spoke
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-spoke' \
  --location "${LOCATION}" \
  --address-prefixes '10.1.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'snet-nodes' \
  --address-prefixes '10.1.0.0/24'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'snet-typo' \
  --address-prefixes '10.1.300.0/24'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'snet-outside' \
  --address-prefixes '10.9.0.0/24'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'snet-overlap' \
  --address-prefixes '10.1.0.128/25'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --name 'snet-firewall' \
  --address-prefixes '10.1.8.0/27'

# VNet vnet-hub
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-hub' \
  --location "${LOCATION}" \
  --address-prefixes '10.1.0.0/24'

# VNet vnet-hub
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'vnet-hub' \
  --location "${LOCATION}" \
  --address-prefixes '169.254.0.0/16'

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

# Peering spoke-to-hub: vnet-spoke <-> vnet-hub
az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'spoke-to-hub' \
  --vnet-name "${NAME_PREFIX}"'vnet-spoke' \
  --remote-vnet "${NAME_PREFIX}"'vnet-hub' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'true' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'spoke-to-hub-return' \
  --vnet-name "${NAME_PREFIX}"'vnet-hub' \
  --remote-vnet "${NAME_PREFIX}"'vnet-spoke' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'true' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

# AKS cluster aks cluster! (kubenet)
az aks create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks cluster!' \
  --location "${LOCATION}" \
  --network-plugin 'kubenet' \
  --pod-cidr '10.1.0.0/24' \
  --service-cidr '10.0.0.0/12' \
  --dns-service-ip '10.0.0.1' \
  --outbound-type 'loadBalancer' \
  --nodepool-name 'System1' \
  --node-vm-size 'Standard_D4ds_v5' \
  --node-count '3' \
  --enable-cluster-autoscaler \
  --min-count '0' \
  --max-count '401' \
  --max-pods '110' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'vnet-spoke/subnets/snet-nodes' \
  --enable-managed-identity \
  --generate-ssh-keys

# Node pool winpool1
az aks nodepool add \
  --resource-group "${RESOURCE_GROUP}" \
  --cluster-name "${NAME_PREFIX}"'aks cluster!' \
  --name 'winpool1' \
  --node-vm-size 'Standard_D4ds_v5' \
  --node-count '1' \
  --enable-cluster-autoscaler \
  --min-count '5' \
  --max-count '2' \
  --max-pods '5' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'vnet-spoke/subnets/snet-nodes' \
  --mode 'User' \
  --os-type 'Windows'
