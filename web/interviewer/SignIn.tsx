import { useState } from "react";
import type { AppMessages } from "./messages.ts";

interface Props {
  messages: AppMessages;
  /** Why the interviewer is asked to sign in (again), if there is a reason to say. */
  notice?: string;
  keptOnDevice: number;
  onSignIn(email: string, password: string): Promise<string | undefined>;
}

export function SignIn({ messages, notice, keptOnDevice, onSignIn }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="ix-card ix-sign-in"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(await onSignIn(email, password));
        setBusy(false);
      }}
    >
      <h2>{messages.signInTitle}</h2>
      {notice && (
        <p className="ix-warning" role="alert">
          {notice}
        </p>
      )}
      <label>
        {messages.email}
        <input
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        {messages.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" className="ix-primary" disabled={busy}>
        {messages.signIn}
      </button>
      {problem && (
        <p className="ix-problem" role="alert">
          {problem}
        </p>
      )}
      {keptOnDevice > 0 && <p className="ix-hint">{`${messages.interviews}: ${keptOnDevice}`}</p>}
    </form>
  );
}
