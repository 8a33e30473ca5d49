import { type ReactNode, useState } from "react";

export interface SignInLabels {
  signInTitle: string;
  email: string;
  password: string;
  signIn: string;
}

interface Props {
  labels: SignInLabels;
  /** The app's class prefix ("ix" interviewer, "ad" admin): each app styles the form its own way. */
  prefix: string;
  /** Why the person is asked to sign in (again), if there is a reason to say. */
  notice?: string;
  /** Resolves to the problem to show, or undefined when signed in. */
  onSignIn(email: string, password: string): Promise<string | undefined>;
  children?: ReactNode;
}

/** The sign-in form both staff apps show: email, password, and the server's answer when it says no. */
export function SignInForm({ labels, prefix, notice, onSignIn, children }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className={`${prefix}-card ${prefix}-sign-in`}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(await onSignIn(email, password));
        setBusy(false);
      }}
    >
      <h2>{labels.signInTitle}</h2>
      {notice && (
        <p className={`${prefix}-warning`} role="alert">
          {notice}
        </p>
      )}
      <label>
        {labels.email}
        <input
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label>
        {labels.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <button type="submit" className={`${prefix}-primary`} disabled={busy}>
        {labels.signIn}
      </button>
      {problem && (
        <p className={`${prefix}-problem`} role="alert">
          {problem}
        </p>
      )}
      {children}
    </form>
  );
}
