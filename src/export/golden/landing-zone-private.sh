#!/usr/bin/env bash
# Deploys the AKS network design with the Azure CLI. Review, set the parameters, then run it.
set -euo pipefail

# Parameters: override any of them from the environment.
RESOURCE_GROUP="${RESOURCE_GROUP:-rg-aks-network}"
LOCATION="${LOCATION:-eastus}"
NAME_PREFIX="${NAME_PREFIX:-}"
SUBSCRIPTION_ID="${SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"

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

# Azure Firewall azfw-hub
az network firewall create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'azfw-hub' \
  --location "${LOCATION}" \
  --tier 'Standard' \
  --enable-dns-proxy 'true'

az network firewall ip-config create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'azfw-hub' \
  --name 'ipconfig1' \
  --public-ip-address "${NAME_PREFIX}"'pip-azfw' \
  --vnet-name "${NAME_PREFIX}"'vnet-hub'

# AKS egress for aks-lza-private: time synchronisation on Linux nodes (nodes provisioned before March 2021)
az network firewall network-rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'azfw-hub' \
  --collection-name 'aks-lza-private-net' \
  --name 'time' \
  --protocols 'UDP' \
  --source-addresses '10.1.1.0/24' \
  --destination-ports '123' \
  --destination-fqdns 'ntp.ubuntu.com' \
  --action 'Allow' \
  --priority '100'

# images, Azure APIs, Entra ID, packages and Kubernetes binaries
az network firewall application-rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'azfw-hub' \
  --collection-name 'aks-lza-private-app' \
  --name 'aks-required' \
  --source-addresses '10.1.1.0/24' \
  --protocols 'https=443' \
  --target-fqdns 'mcr.microsoft.com' '*.data.mcr.microsoft.com' 'mcr-0001.mcr-msedge.net' 'management.azure.com' 'login.microsoftonline.com' 'packages.microsoft.com' 'acs-mirror.azureedge.net' 'packages.aks.azure.com' \
  --action 'Allow' \
  --priority '100'

# Linux node security patches (recommended)
az network firewall application-rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'azfw-hub' \
  --collection-name 'aks-lza-private-app' \
  --name 'ubuntu-updates' \
  --source-addresses '10.1.1.0/24' \
  --protocols 'http=80' \
  --target-fqdns 'security.ubuntu.com' 'azure.archive.ubuntu.com' 'changelogs.ubuntu.com'

# Linux node security patches from the Ubuntu snapshot service (recommended)
az network firewall application-rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --firewall-name "${NAME_PREFIX}"'azfw-hub' \
  --collection-name 'aks-lza-private-app' \
  --name 'ubuntu-snapshots' \
  --source-addresses '10.1.1.0/24' \
  --protocols 'https=443' \
  --target-fqdns 'snapshot.ubuntu.com'

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
