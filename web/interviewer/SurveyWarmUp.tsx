import { useEffect, useMemo, useState } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";

/**
 * Builds and renders each assigned questionnaire once, hidden, while the interviewer looks at the list. The first
 * Model and the first render of a session run survey-core's and survey-react-ui's code cold, at several times
 * the cost of later ones; done here, that cost no longer falls on the tap that opens an interview.
 */
export function SurveyWarmUp({
  questionnaires,
  onDone,
}: {
  questionnaires: Array<Record<string, unknown>>;
  onDone(): void;
}) {
  const [index, setIndex] = useState(-1);
  useEffect(() => {
    if (index >= questionnaires.length) {
      if (questionnaires.length > 0) onDone();
      return;
    }
    const timer = window.setTimeout(() => setIndex((current) => current + 1), index < 0 ? 300 : 50);
    return () => window.clearTimeout(timer);
  }, [index, questionnaires.length, onDone]);
  const json = index >= 0 ? questionnaires[index] : undefined;
  const model = useMemo(() => (json ? new Model(json) : undefined), [json]);
  useEffect(() => () => model?.dispose(), [model]);
  if (!model) return null;
  return (
    <div hidden aria-hidden="true">
      <Survey model={model} />
    </div>
  );
}
