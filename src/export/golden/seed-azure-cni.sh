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

# VNet myVnet
az network vnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'myVnet' \
  --location "${LOCATION}" \
  --address-prefixes '10.1.0.0/16'

az network vnet subnet create \
  --resource-group "${RESOURCE_GROUP}" \
  --vnet-name "${NAME_PREFIX}"'myVnet' \
  --name 'myAKSSubnet' \
  --address-prefixes '10.1.0.0/24'

# AKS cluster myAKSCluster (azure-cni-node-subnet)
az aks create \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'myAKSCluster' \
  --location "${LOCATION}" \
  --network-plugin 'azure' \
  --network-policy 'calico' \
  --service-cidr '10.2.0.0/24' \
  --dns-service-ip '10.2.0.10' \
  --outbound-type 'loadBalancer' \
  --nodepool-name 'nodepool1' \
  --node-vm-size 'Standard_DS2_v2' \
  --node-count '3' \
  --max-pods '30' \
  --vnet-subnet-id '/subscriptions/'"${SUBSCRIPTION_ID}"'/resourceGroups/'"${RESOURCE_GROUP}"'/providers/Microsoft.Network/virtualNetworks/'"${NAME_PREFIX}"'myVnet/subnets/myAKSSubnet' \
  --enable-managed-identity \
  --generate-ssh-keys

# Kubernetes manifests for myAKSCluster
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
  name: allow-my-app-service
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: my-app
  policyTypes:
    - Ingress
  ingress:
    - ports:
        - protocol: TCP
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: my-app-service
  namespace: default
spec:
  type: LoadBalancer
  selector:
    app: my-app
  ports:
    - protocol: TCP
      port: 80
      targetPort: 8080
AKSNET_MANIFESTS
az aks command invoke \
  --resource-group "${RESOURCE_GROUP}" \
  --name "${NAME_PREFIX}"'myAKSCluster' \
  --command 'kubectl apply -f manifests-1.yaml' \
  --file 'manifests-1.yaml'
