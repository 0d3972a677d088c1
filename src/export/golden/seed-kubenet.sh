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

# Resource group
az group create \
  --name "${RESOURCE_GROUP}" \
  --location "${LOCATION}"

# VNet myAKSVnet
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'myAKSVnet' \
  --location "${LOCATION}" \
  --address-prefixes '192.168.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'myAKSVnet' \
  --name 'myAKSSubnet' \
  --address-prefixes '192.168.1.0/24'

# AKS cluster myAKSCluster (kubenet)
az aks create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'myAKSCluster' \
  --location "${LOCATION}" \
  --network-plugin 'kubenet' \
  --pod-cidr '10.244.0.0/16' \
  --service-cidr '10.0.0.0/16' \
  --dns-service-ip '10.0.0.10' \
  --outbound-type 'loadBalancer' \
  --load-balancer-managed-outbound-ip-count '1' \
  --load-balancer-idle-timeout '30' \
  --nodepool-name 'nodepool1' \
  --node-vm-size 'Standard_DS2_v2' \
  --node-count '3' \
  --max-pods '110' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'myAKSVnet/subnets/myAKSSubnet' \
  --enable-managed-identity \
  --generate-ssh-keys
