import { FormEvent, useEffect, useRef, useState } from 'react';
import type { LoginResponse } from '@waypoint/contracts';
import { Alert, Button, TextField } from '@waypoint/ui';
import { ApiError, ApiValidationError, isAbortError, useApi } from '../../api';
import type { SignInNotice } from './useSession';

export interface SignInScreenProps {
  notice: SignInNotice | null;
  onSignedIn: (response: LoginResponse) => void;
}

interface Errors {
  username?: string;
  password?: string;
}

export function SignInScreen({ notice, onSignedIn }: SignInScreenProps) {
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => {
    document.title = 'Sign in – Waypoint';
    usernameRef.current?.focus();
    return () => abortRef.current?.abort();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!username.trim()) found.username = 'Enter your username';
    if (!password) found.password = 'Enter your password';
    setErrors(found);
    setFailure(null);
    if (found.username || found.password) {
      (found.username ? usernameRef : passwordRef).current?.focus();
      return;
    }

    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy(true);
    try {
      const response = await api.login({ username: username.trim(), password }, controller.signal);
      onSignedIn(response);
    } catch (error) {
      if (isAbortError(error)) return;
      setPassword('');
      if (error instanceof ApiValidationError) {
        setErrors({ username: error.fieldErrors.username, password: error.fieldErrors.password });
        setFailure(error.message);
      } else if (error instanceof ApiError && error.status === 401) {
        setFailure(error.message && error.message !== 'Unauthorized' ? error.message : 'The username or password is not correct.');
      } else if (error instanceof ApiError) {
        setFailure(error.message);
      } else {
        setFailure('Sign-in failed. Try again.');
      }
      passwordRef.current?.focus();
    } finally {
      if (!controller.signal.aborted) setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__panel">
        <p className="sign-in__brand" aria-hidden="true">
          Waypoint
        </p>
        <h1 className="sign-in__title">Sign in to Waypoint</h1>
        <p className="sign-in__lead">Case management for American Job Center staff.</p>
        {notice && !failure && (
          <Alert tone={notice.tone} className="sign-in__notice">
            {notice.text}
          </Alert>
        )}
        {failure && (
          <Alert tone="error" title="Sign-in failed" className="sign-in__notice">
            {failure}
          </Alert>
        )}
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <TextField
            id="username"
            label="Username"
            value={username}
            onValueChange={setUsername}
            error={errors.username}
            ref={usernameRef}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            value={password}
            onValueChange={setPassword}
            error={errors.password}
            ref={passwordRef}
            autoComplete="current-password"
            required
          />
          <Button type="submit" variant="primary" busy={busy} className="sign-in__submit">
            Sign in
          </Button>
        </form>
      </div>
    </main>
  );
}
