// Validates rendered Kubernetes manifests (kubectl kustomize ... | node scripts/k8s-valideer.mjs): every object against the
// Kubernetes JSON schemas (npm kubernetes-models), Dapr's Component and Configuration against the schemas of their CRDs in
// k8s/schemas. An object of a kind with no schema is an error too. Exit 1 naming every object that fails.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const ajv = new Ajv({ allErrors: true, strict: false });
const crd = Object.fromEntries(
  [["dapr.io/v1alpha1/Component", "dapr-component"], ["dapr.io/v1alpha1/Configuration", "dapr-configuration"]].map(([soort, bestand]) =>
    [soort, ajv.compile(JSON.parse(readFileSync(new URL(`../k8s/schemas/${bestand}.schema.json`, import.meta.url), "utf8")))]));

const objecten = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter((o) => o);
const fouten = [];
for (const o of objecten) {
  const naam = `${o.kind}/${o.metadata?.name ?? "?"}`;
  const sleutel = `${o.apiVersion}/${o.kind}`;
  if (crd[sleutel]) {
    if (!crd[sleutel](o)) fouten.push(`${naam}: ${ajv.errorsText(crd[sleutel].errors)}`);
    continue;
  }
  const pad = o.apiVersion?.includes("/") ? `kubernetes-models/${o.apiVersion}/${o.kind}` : `kubernetes-models/v1/${o.kind}`;
  let model;
  try { model = (await import(pad))[o.kind]; } catch { fouten.push(`${naam}: geen schema voor ${o.apiVersion} ${o.kind}`); continue; }
  try { new model(o).validate(); } catch (e) { fouten.push(`${naam}: ${e.message}`); }
}
if (fouten.length > 0) {
  console.error(fouten.join("\n"));
  process.exit(1);
}
console.log(`${objecten.length} objecten geldig`);
