import { useState } from "react";
import type { AdminMessages } from "./adminMessages.ts";

interface Props {
  messages: AdminMessages;
  /** Resolves to the problem to show, or undefined when signed in. */
  onSignIn(email: string, password: string): Promise<string | undefined>;
}

export function AdminSignIn({ messages, onSignIn }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="ad-card ad-sign-in"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(await onSignIn(email, password));
        setBusy(false);
      }}
    >
      <h2>{messages.signInTitle}</h2>
      <label>
        {messages.email}
        <input
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label>
        {messages.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <button type="submit" className="ad-primary" disabled={busy}>
        {messages.signIn}
      </button>
      {problem && (
        <p className="ad-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
