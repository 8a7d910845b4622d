/** A protocol's session states as boxes and arrows, with the commands that move between them. */
export function StateDiagram(props: {
  title: string;
  states: readonly string[];
  transitions: readonly { from: number; to: number; label: string }[];
  /** What the arrows leave out, in words under the picture (and in its accessible name). */
  note?: string;
}) {
  const boxW = 170;
  const gap = 70;
  const width = props.states.length * boxW + (props.states.length - 1) * gap + 20;
  const x = (i: number) => 10 + i * (boxW + gap);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} 150`}
        role="img"
        aria-labelledby={`${props.title}-diagram`}
        style={{ width: '100%', maxWidth: width }}
      >
        <title id={`${props.title}-diagram`}>
          {`${props.title} states: ${props.states.join(', ')}. ${props.transitions
            .map((t) => `${props.states[t.from]} to ${props.states[t.to]} on ${t.label}`)
            .join('; ')}.${props.note ? ` ${props.note}` : ''}`}
        </title>
        <defs>
          <marker
            id={`${props.title}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        {props.states.map((s, i) => (
          <g key={s}>
            <rect
              x={x(i)}
              y={45}
              width={boxW}
              height={44}
              rx={8}
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
            />
            <text x={x(i) + boxW / 2} y={72} textAnchor="middle" fontSize={15} fill="currentColor">
              {s}
            </text>
          </g>
        ))}
        {props.transitions.map((t, i) => {
          const forward = t.to > t.from;
          const y = forward ? 45 - 6 - (i % 2) * 0 : 89 + 6;
          const x1 = forward ? x(t.from) + boxW - 20 : x(t.from) + 20;
          const x2 = forward ? x(t.to) + 20 : x(t.to) + boxW - 20;
          const curve = forward ? y - 34 : y + 34;
          return (
            <g key={`${t.from}-${t.to}-${t.label}`}>
              <path
                d={`M${x1},${y} C${x1},${curve} ${x2},${curve} ${x2},${y}`}
                fill="none"
                stroke="currentColor"
                strokeWidth={1.5}
                markerEnd={`url(#${props.title}-arrow)`}
              />
              <text
                x={(x1 + x2) / 2}
                y={forward ? curve + 6 : curve - 1}
                textAnchor="middle"
                fontSize={12}
                fill="currentColor"
              >
                {t.label}
              </text>
            </g>
          );
        })}
      </svg>
      {props.note ? <figcaption>{props.note}</figcaption> : null}
    </figure>
  );
}
