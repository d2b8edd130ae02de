import { useTranslation } from "react-i18next";
import { formatDate } from "../../format";

export interface HistoryPoint {
  at: string;
  score: number;
}

const WIDTH = 320;
const HEIGHT = 150;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** One dimension's scores over time as a small SVG line chart, drawn here (no chart
 * library, no request anywhere). Its text alternative says the same in words; the table
 * beside it has every number. */
export function HistoryChart({ label, points, minimum, maximum }: { label: string; points: HistoryPoint[]; minimum: number; maximum: number }) {
  const { t, i18n } = useTranslation("survey");
  const span = maximum - minimum || 1;
  const x = (index: number) =>
    points.length === 1 ? (PAD.left + WIDTH - PAD.right) / 2 : PAD.left + (index * (WIDTH - PAD.left - PAD.right)) / (points.length - 1);
  const y = (score: number) => PAD.top + ((maximum - score) * (HEIGHT - PAD.top - PAD.bottom)) / span;
  const description = t("history.chartText", {
    dimension: label,
    scores: points.map((point) => `${formatDate(point.at, i18n.language)}: ${point.score}`).join("; "),
    maximum,
  });
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <figure className="survey-chart">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} className="survey-chart__svg">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(minimum)} y2={y(minimum)} className="survey-chart__axis" />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(maximum)} y2={y(maximum)} className="survey-chart__grid" />
        <text x={PAD.left - 6} y={y(maximum) + 4} textAnchor="end" className="survey-chart__text">
          {maximum}
        </text>
        <text x={PAD.left - 6} y={y(minimum) + 4} textAnchor="end" className="survey-chart__text">
          {minimum}
        </text>
        {points.length > 1 && (
          <polyline
            className="survey-chart__line"
            points={points.map((point, index) => `${x(index)},${y(point.score)}`).join(" ")}
          />
        )}
        {points.map((point, index) => (
          <circle key={point.at} cx={x(index)} cy={y(point.score)} r={4} className="survey-chart__point" />
        ))}
        {first && (
          <text x={x(0)} y={HEIGHT - 8} textAnchor={points.length === 1 ? "middle" : "start"} className="survey-chart__text">
            {formatDate(first.at, i18n.language)}
          </text>
        )}
        {last && points.length > 1 && (
          <text x={x(points.length - 1)} y={HEIGHT - 8} textAnchor="end" className="survey-chart__text">
            {formatDate(last.at, i18n.language)}
          </text>
        )}
      </svg>
    </figure>
  );
}
