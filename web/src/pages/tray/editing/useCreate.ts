import { useCallback } from "react";
import { useSubmission } from "../../cases/useSubmission";
import type { ServiceView } from "../serviceText";
import { createService } from "./serviceApi";
import type { ServiceDetails } from "./serviceFormModel";

const noConflict = () => undefined;

/** POST /services with an Idempotency-Key tied to the body (cases/useSubmission): a retry
 * of the same details after a lost answer or a 5xx reuses the key, so nothing is created
 * twice. Resolves to the created service, null if a send is already running; throws the
 * ApiFailure on refusal. */
export function useCreateService(): (details: ServiceDetails, publish: boolean) => Promise<ServiceView | null> {
  const submission = useSubmission(noConflict);
  const { submit } = submission;
  return useCallback(
    async (details: ServiceDetails, publish: boolean) => {
      let created: ServiceView | null = null;
      let caught: unknown = null;
      const body = { ...details, publish };
      const sent = await submit(body, async (key) => {
        try {
          created = await createService(details, publish, key);
        } catch (error) {
          caught = error;
          throw error;
        }
      });
      if (!sent && caught) throw caught;
      return created;
    },
    [submit],
  );
}
