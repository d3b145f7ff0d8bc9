// The Redis steps the service takes; a closed list, so the metrics label stays bounded.
export type RedisOperation = 'connection' | 'session_read' | 'session_write' | 'session_delete' | 'claim' | 'claim_check' | 'claim_release' | 'rate_limit' | 'payment_read' | 'payment_write';
