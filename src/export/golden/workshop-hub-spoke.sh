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

# Resource group
az group create \
  --name "${RESOURCE_GROUP}" \
  --location "${LOCATION}"

# Public IP fw-pip
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'fw-pip' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static'

# Public IP appgw-pip
az network public-ip create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'appgw-pip' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --allocation-method 'Static'

# NSG appgw-nsg
az network nsg create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'appgw-nsg' \
  --location "${LOCATION}"

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'appgw-nsg' \
  --name 'AllowHttpsFromInternet' \
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
  --nsg-name "${NAME_PREFIX}"'appgw-nsg' \
  --name 'AllowHttpFromInternet' \
  --priority '110' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'Internet' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '80'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'appgw-nsg' \
  --name 'AllowGatewayManager' \
  --priority '120' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol 'Tcp' \
  --source-address-prefixes 'GatewayManager' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '65200-65535'

az network nsg rule create \
  --resource-group "${RESOURCE_GROUP}" \
  --nsg-name "${NAME_PREFIX}"'appgw-nsg' \
  --name 'AllowAzureLoadBalancer' \
  --priority '130' \
  --direction 'Inbound' \
  --access 'Allow' \
  --protocol '*' \
  --source-address-prefixes 'AzureLoadBalancer' \
  --source-port-ranges '*' \
  --destination-address-prefixes '*' \
  --destination-port-ranges '*'

# Route table aks-egress-udr
az network route-table create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-egress-udr' \
  --location "${LOCATION}" \
  --disable-bgp-route-propagation 'false'

az network route-table route create \
  --resource-group "${RESOURCE_GROUP}" \
  --route-table-name "${NAME_PREFIX}"'aks-egress-udr' \
  --name 'default-to-firewall' \
  --address-prefix '0.0.0.0/0' \
  --next-hop-type 'VirtualAppliance' \
  --next-hop-ip-address '10.100.0.4'

# VNet hub-vnet
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'hub-vnet' \
  --location "${LOCATION}" \
  --address-prefixes '10.100.0.0/24'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'hub-vnet' \
  --name 'AzureFirewallSubnet' \
  --address-prefixes '10.100.0.0/26'

# VNet spoke-vnet
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'spoke-vnet' \
  --location "${LOCATION}" \
  --address-prefixes '10.240.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'spoke-vnet' \
  --name 'aks-subnet' \
  --address-prefixes '10.240.0.0/22' \
  --route-table "${NAME_PREFIX}"'aks-egress-udr'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'spoke-vnet' \
  --name 'appgw-subnet' \
  --address-prefixes '10.240.4.0/24' \
  --network-security-group "${NAME_PREFIX}"'appgw-nsg'

# Peering hub-to-spoke: hub-vnet <-> spoke-vnet
az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'hub-to-spoke' \
  --vnet-name "${NAME_PREFIX}"'hub-vnet' \
  --remote-vnet "${NAME_PREFIX}"'spoke-vnet' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'true' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

az network vnet peering create \
  --resource-group "${RESOURCE_GROUP}" \
  --name 'hub-to-spoke-return' \
  --vnet-name "${NAME_PREFIX}"'spoke-vnet' \
  --remote-vnet "${NAME_PREFIX}"'hub-vnet' \
  --allow-vnet-access 'true' \
  --allow-forwarded-traffic 'true' \
  --allow-gateway-transit 'false' \
  --use-remote-gateways 'false'

# Azure Firewall hub-fw: its policy, rules, then the firewall
az network firewall policy create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'hub-fw-policy' \
  --location "${LOCATION}" \
  --sku 'Standard' \
  --enable-dns-proxy 'true'

# AKS egress rules for aks-workshop (nodes in 10.240.0.0/22)
az network firewall policy rule-collection-group create \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --name 'aks-workshop-egress' \
  --priority '200'

# tunnelled node to control plane traffic (clusters without konnectivity)
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --name 'network' \
  --collection-priority '100' \
  --action 'Allow' \
  --rule-type 'NetworkRule' \
  --rule-name 'apiudp' \
  --ip-protocols 'UDP' \
  --source-addresses '10.240.0.0/22' \
  --destination-ports '1194' \
  --destination-addresses 'AzureCloud.eastus2'

# tunnelled node to control plane traffic
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --collection-name 'network' \
  --rule-type 'NetworkRule' \
  --name 'apitcp' \
  --ip-protocols 'TCP' \
  --source-addresses '10.240.0.0/22' \
  --destination-ports '9000' \
  --destination-addresses 'AzureCloud.eastus2'

# pods that reach the API server by its public IP (known after creation; narrow the rule to it then)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --collection-name 'network' \
  --rule-type 'NetworkRule' \
  --name 'apiserver' \
  --ip-protocols 'TCP' \
  --source-addresses '10.240.0.0/22' \
  --destination-ports '443' \
  --destination-addresses 'AzureCloud.eastus2'

# time synchronisation on Linux nodes (nodes provisioned before March 2021)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --collection-name 'network' \
  --rule-type 'NetworkRule' \
  --name 'time' \
  --ip-protocols 'UDP' \
  --source-addresses '10.240.0.0/22' \
  --destination-ports '123' \
  --destination-fqdns 'ntp.ubuntu.com'

# API server, images, Azure APIs, Entra ID, packages and Kubernetes binaries
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --name 'application' \
  --collection-priority '200' \
  --action 'Allow' \
  --rule-type 'ApplicationRule' \
  --rule-name 'aks-required' \
  --protocols 'Https=443' \
  --source-addresses '10.240.0.0/22' \
  --target-fqdns '*.hcp.eastus2.azmk8s.io' 'mcr.microsoft.com' '*.data.mcr.microsoft.com' 'mcr-0001.mcr-msedge.net' 'management.azure.com' 'login.microsoftonline.com' 'packages.microsoft.com' 'acs-mirror.azureedge.net' 'packages.aks.azure.com'

# Linux node security patches (recommended)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --collection-name 'application' \
  --rule-type 'ApplicationRule' \
  --name 'ubuntu-updates' \
  --protocols 'Http=80' \
  --source-addresses '10.240.0.0/22' \
  --target-fqdns 'security.ubuntu.com' 'azure.archive.ubuntu.com' 'changelogs.ubuntu.com'

# Linux node security patches from the Ubuntu snapshot service (recommended)
az network firewall policy rule-collection-group collection rule add \
  --resource-group "${RESOURCE_GROUP}" \
  --policy-name "${NAME_PREFIX}"'hub-fw-policy' \
  --rcg-name 'aks-workshop-egress' \
  --collection-name 'application' \
  --rule-type 'ApplicationRule' \
  --name 'ubuntu-snapshots' \
  --protocols 'Https=443' \
  --source-addresses '10.240.0.0/22' \
  --target-fqdns 'snapshot.ubuntu.com'

# Azure Firewall hub-fw, managed by its policy
az network firewall create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'hub-fw' \
  --location "${LOCATION}" \
  --sku 'AZFW_VNet' \
  --tier 'Standard' \
  --firewall-policy "${NAME_PREFIX}"'hub-fw-policy' \
  --vnet-name "${NAME_PREFIX}"'hub-vnet' \
  --conf-name 'ipconfig1' \
  --public-ip "${NAME_PREFIX}"'fw-pip'

# Application Gateway workshop-appgw
az network application-gateway create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'workshop-appgw' \
  --location "${LOCATION}" \
  --sku 'Standard_v2' \
  --min-capacity '2' \
  --max-capacity '10' \
  --vnet-name "${NAME_PREFIX}"'spoke-vnet' \
  --subnet 'appgw-subnet' \
  --priority '100' \
  --public-ip-address "${NAME_PREFIX}"'appgw-pip'

# AKS cluster aks-workshop (azure-cni-node-subnet)
az aks create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-workshop' \
  --location "${LOCATION}" \
  --network-plugin 'azure' \
  --network-policy 'azure' \
  --service-cidr '10.0.0.0/16' \
  --dns-service-ip '10.0.0.10' \
  --outbound-type 'userDefinedRouting' \
  --nodepool-name 'nodepool1' \
  --node-vm-size 'Standard_D4ds_v5' \
  --node-count '3' \
  --enable-cluster-autoscaler \
  --min-count '3' \
  --max-count '10' \
  --max-pods '30' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'spoke-vnet/subnets/aks-subnet' \
  --enable-addons 'ingress-appgw' \
  --appgw-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/applicationGateways/'"${NAME_PREFIX}"'workshop-appgw' \
  --enable-managed-identity \
  --generate-ssh-keys

# Kubernetes manifests for aks-workshop
cat > 'manifests-1.yaml' <<'AKSNET_MANIFESTS'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: default
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
  namespace: default
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
  namespace: default
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
  name: allow-internet-egress
  namespace: default
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
  name: allow-internalservice
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: internal
  policyTypes:
    - Ingress
  ingress:
    - from:
        - ipBlock:
            cidr: 10.240.0.0/16
        - ipBlock:
            cidr: 10.100.0.0/24
      ports:
        - protocol: TCP
          port: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-workshop-appgw-to-internalservice
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: internal
  policyTypes:
    - Ingress
  ingress:
    - from:
        - ipBlock:
            cidr: 10.240.4.0/24
      ports:
        - protocol: TCP
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: internalservice
  namespace: default
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: aks-subnet
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.240.0.25
spec:
  type: LoadBalancer
  selector:
    app: internal
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: internalservice-ingress
  namespace: default
spec:
  ingressClassName: azure-application-gateway
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: internalservice
                port:
                  number: 80
AKSNET_MANIFESTS
az aks command invoke \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'aks-workshop' \
  --command 'kubectl apply -f manifests-1.yaml' \
  --file 'manifests-1.yaml'
