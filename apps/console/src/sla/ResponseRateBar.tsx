import { RESPONSE_RATE_BANDS, rateTone } from './platform-response';

/** A response rate as a bar on 0–100 %, in its band's colour, with the band limits marked. */
export function ResponseRateBar({ rate }: { rate: number | null }) {
  const tone = rateTone(rate) ?? 'none';
  return (
    <span className={`rate-bar rate-bar--${tone}`} aria-hidden="true">
      <span className="rate-bar__fill" style={{ width: `${(rate ?? 0) * 100}%` }} />
      <span className="rate-bar__mark" style={{ left: `${RESPONSE_RATE_BANDS.amber * 100}%` }} />
      <span className="rate-bar__mark" style={{ left: `${RESPONSE_RATE_BANDS.green * 100}%` }} />
    </span>
  );
}
